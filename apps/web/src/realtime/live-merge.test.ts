import { describe, expect, it } from "vitest";

import type { TaskPages } from "../tasks/task-cache";
import { buildTask } from "../test/work-factories";
import {
  isNewer,
  listMissesChange,
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
