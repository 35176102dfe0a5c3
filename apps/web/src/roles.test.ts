import { describe, expect, it } from "vitest";

import { canManagePeople, roleOptions } from "./roles";

describe("roleOptions", () => {
  it("disables the roles above the granter's own", () => {
    const disabled = roleOptions("admin")
      .filter((option) => option.disabled)
      .map((option) => option.value);

    expect(disabled).toEqual(["owner"]);
  });

  it("lets owners grant every role", () => {
    expect(roleOptions("owner").every((option) => !option.disabled)).toBe(true);
  });
});

describe("canManagePeople", () => {
  it("is true for owners and admins only", () => {
    expect(canManagePeople("owner")).toBe(true);
    expect(canManagePeople("admin")).toBe(true);
    expect(canManagePeople("member")).toBe(false);
    expect(canManagePeople("viewer")).toBe(false);
  });
});
