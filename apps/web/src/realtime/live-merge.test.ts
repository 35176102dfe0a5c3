import { describe, expect, it } from "vitest";

import type { TaskPages } from "../tasks/task-cache";
import { buildTask, buildUser } from "../test/work-factories";
import {
  isNewer,
  listMissesChange,
  mayMatchList,
  newerRecord,
  withNewerRecord,
} from "./live-merge";

function pagesOf(...tasks: ReturnType<typeof buildTask>[]): TaskPages {
  return { pages: [{ tasks, nextCursor: null }], pageParams: [null] };
}

describe("newerRecord", () => {
  it("takes a strictly newer version and keeps the held copy otherwise", () => {
    const held = buildTask({ title: "Held", version: 3 });

    expect(newerRecord(held, { ...held, title: "Newer", version: 4 })).toEqual({
      ...held,
      title: "Newer",
      version: 4,
    });
    expect(newerRecord(held, { ...held, title: "Same", version: 3 })).toBe(
      held,
    );
    expect(newerRecord(held, { ...held, title: "Older", version: 2 })).toBe(
      held,
    );
  });

  it("counts anything as news when nothing is held", () => {
    expect(isNewer(undefined, buildTask())).toBe(true);
  });
});

describe("withNewerRecord", () => {
  it("replaces an older copy in place and leaves the others alone", () => {
    const first = buildTask({ title: "First" });
    const second = buildTask({ title: "Second" });
    const renamed = { ...second, title: "Renamed", version: 2 };

    expect(withNewerRecord([first, second], renamed)).toEqual([first, renamed]);
  });
});

describe("listMissesChange", () => {
  it("is false for a list that holds the task at that version or later", () => {
    const task = buildTask({ version: 4 });

    expect(listMissesChange(pagesOf(task), { ...task, version: 4 })).toBe(
      false,
    );
    expect(listMissesChange(pagesOf(task), { ...task, version: 3 })).toBe(
      false,
    );
  });

  it("is true for an older copy, or a task the list does not show", () => {
    const task = buildTask({ version: 4 });

    expect(listMissesChange(pagesOf(task), { ...task, version: 5 })).toBe(true);
    expect(listMissesChange(pagesOf(task), buildTask())).toBe(true);
  });
});

describe("mayMatchList", () => {
  const self = buildUser();
  const colleague = buildUser({ name: "Grace Hopper" });
  const task = buildTask({
    status: "in_progress",
    assignee: colleague,
    labels: ["bug", "ui"],
    dueDate: "2027-03-15",
  });
  const matches = (query: Parameters<typeof mayMatchList>[0], held = task) =>
    mayMatchList(query, held, self.id);

  it("rules a task out by status, assignee, label or due date", () => {
    expect(matches({ status: "done" })).toBe(false);
    expect(matches({ assigneeId: "none" })).toBe(false);
    expect(matches({ assigneeId: "me" })).toBe(false);
    expect(matches({ assigneeId: self.id })).toBe(false);
    expect(matches({ label: "docs" })).toBe(false);
    expect(matches({ dueFrom: "2027-03-16" })).toBe(false);
    expect(matches({ dueTo: "2027-03-14" })).toBe(false);
    expect(matches({ dueFrom: "2027-01-01" }, { ...task, dueDate: null })).toBe(
      false,
    );
  });

  it("lets a task through every filter it meets, bounds included", () => {
    expect(matches({})).toBe(true);
    expect(
      matches({
        status: "in_progress",
        assigneeId: colleague.id,
        label: "ui",
        dueFrom: "2027-03-15",
        dueTo: "2027-03-15",
      }),
    ).toBe(true);
    expect(matches({ assigneeId: "me" }, { ...task, assignee: self })).toBe(
      true,
    );
    expect(matches({ assigneeId: "none" }, { ...task, assignee: null })).toBe(
      true,
    );
  });

  it("leaves a text search to the server", () => {
    expect(matches({ q: "anything at all" })).toBe(true);
  });
});
