import type { Member } from "@ares/contracts";
import { describe, expect, it } from "vitest";

import { buildUser } from "../test/work-factories";
import { otherViewers } from "./viewers";

const me = buildUser({ name: "Ada Lovelace" });
const grace = buildUser({ name: "Grace Hopper" });
const members: Member[] = [me, grace].map((user) => ({
  user,
  role: "member",
  joinedAt: "2025-03-01T10:00:00.000Z",
}));

describe("otherViewers", () => {
  it("names the others from the members list, leaving oneself out", () => {
    const viewers = [
      { userId: me.id, taskId: null },
      { userId: grace.id, taskId: null },
    ];

    expect(otherViewers(viewers, members, me.id)).toEqual([grace]);
  });

  it("keeps only those with the task open when one is named", () => {
    const taskId = "00000000-0000-4000-8000-00000000feed";
    const viewers = [
      { userId: grace.id, taskId },
      { userId: buildUser().id, taskId: null },
    ];

    expect(otherViewers(viewers, members, me.id, taskId)).toEqual([grace]);
  });

  it("shows someone missing from the list as Someone", () => {
    const stranger = buildUser();

    expect(
      otherViewers([{ userId: stranger.id, taskId: null }], undefined, me.id),
    ).toEqual([{ id: stranger.id, name: "Someone", email: "" }]);
  });
});
