import { describe, expect, it } from "vitest";

import { workspaceRights } from "./workspace-rights";

describe("workspaceRights", () => {
  it("lets organization owners and admins manage every workspace", () => {
    expect(workspaceRights("owner", null).canManage).toBe(true);
    expect(workspaceRights("admin", null).canManage).toBe(true);
  });

  it("lets a workspace admin manage it, and a member contribute", () => {
    expect(workspaceRights("member", "admin")).toEqual({
      canManage: true,
      canContribute: true,
    });
    expect(workspaceRights("member", "member")).toEqual({
      canManage: false,
      canContribute: true,
    });
  });

  it("keeps viewers read-only even when listed as workspace admins", () => {
    expect(workspaceRights("viewer", "admin")).toEqual({
      canManage: false,
      canContribute: false,
    });
  });
});
