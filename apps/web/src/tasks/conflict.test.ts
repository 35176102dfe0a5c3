import { describe, expect, it } from "vitest";

import { ApiError } from "../api/api-error";
import { buildTask, buildUser } from "../test/work-factories";
import {
  chooseAll,
  readTaskConflict,
  resolveConflict,
  toUpdateFields,
  type TaskConflictDetails,
} from "./conflict";

function conflictOn(
  current: ReturnType<typeof buildTask>,
  fields: TaskConflictDetails["fields"],
): TaskConflictDetails {
  return { current, fields };
}

describe("readTaskConflict", () => {
  it("reads both sides from a 409", () => {
    const current = buildTask({ title: "Theirs", version: 4 });
    const fields = [
      { field: "title", base: "Base", server: "Theirs", client: "Mine" },
    ];
    const error = new ApiError({
      status: 409,
      code: "conflict",
      message: "Someone else changed title since you started editing",
      conflict: { current, fields },
    });

    expect(readTaskConflict(error)).toEqual({ current, fields });
  });

  it("is null for a 409 without details and for other errors", () => {
    const busy = new ApiError({
      status: 409,
      code: "conflict",
      message: "This is being changed by someone else right now",
    });

    expect(readTaskConflict(busy)).toBeNull();
    expect(readTaskConflict(new Error("boom"))).toBeNull();
  });
});

describe("toUpdateFields", () => {
  it("sends the assignee by id and only the fields given", () => {
    const grace = buildUser();

    expect(toUpdateFields({ assignee: grace, priority: "low" })).toEqual({
      assigneeId: grace.id,
      priority: "low",
    });
    expect(toUpdateFields({ assignee: null })).toEqual({ assigneeId: null });
  });
});

describe("resolveConflict", () => {
  const current = buildTask({
    title: "Theirs",
    priority: "high",
    version: 5,
  });
  const titleClash = {
    field: "title",
    base: "Base",
    server: "Theirs",
    client: "Mine",
  };

  it("re-sends the fields the user keeps as theirs", () => {
    const conflict = conflictOn(current, [titleClash]);

    expect(
      resolveConflict(conflict, { title: "Mine" }, { title: "mine" }),
    ).toEqual({ title: "Mine" });
  });

  it("sends nothing when the user adopts every server value", () => {
    const conflict = conflictOn(current, [titleClash]);

    expect(
      resolveConflict(conflict, { title: "Mine" }, { title: "theirs" }),
    ).toBeNull();
  });

  it("still sends the edit's other fields, which the 409 did not save", () => {
    const conflict = conflictOn(current, [titleClash]);

    expect(
      resolveConflict(
        conflict,
        { title: "Mine", labels: ["api"] },
        chooseAll(conflict.fields, "theirs"),
      ),
    ).toEqual({ labels: ["api"] });
  });

  it("leaves out fields the server already holds", () => {
    const grace = buildUser();
    const conflict = conflictOn(
      { ...current, assignee: grace, labels: ["api"] },
      [titleClash],
    );

    expect(
      resolveConflict(
        conflict,
        { title: "Mine", assignee: grace, labels: ["api"] },
        { title: "mine" },
      ),
    ).toEqual({ title: "Mine" });
  });

  it("compares the assignee by id, as the API names it", () => {
    const grace = buildUser({ name: "Grace" });
    const conflict = conflictOn(current, [
      { field: "assigneeId", base: null, server: null, client: grace.id },
    ]);

    expect(
      resolveConflict(conflict, { assignee: grace }, { assigneeId: "mine" }),
    ).toEqual({ assignee: grace });
  });
});
