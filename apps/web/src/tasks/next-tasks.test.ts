import { describe, expect, it } from "vitest";

import { buildTask, buildUser } from "../test/work-factories";
import {
  newerTask,
  nextPageTasks,
  nextTasks,
  reconcileTasks,
} from "./next-tasks";

describe("newerTask", () => {
  it("takes a newer version from the server", () => {
    const held = buildTask({ version: 2 });
    const incoming = { ...held, title: "Renamed", version: 3 };

    expect(newerTask(held, incoming)).toBe(incoming);
  });

  it("never lets an older version overwrite a newer one", () => {
    const held = buildTask({ title: "Newest", version: 4 });
    const stale = { ...held, title: "Stale", version: 3 };

    expect(newerTask(held, stale)).toBe(held);
  });

  it("keeps edits not yet answered over the same version from the server", () => {
    const held = buildTask({ title: "Being edited", version: 2 });

    expect(newerTask(held, { ...held, title: "Old" }).title).toBe(
      "Being edited",
    );
  });
});

describe("nextTasks", () => {
  it("merges a received task by version and adds one the board lacked", () => {
    const first = buildTask({ version: 2 });
    const created = buildTask({ title: "Made elsewhere" });

    const afterStale = nextTasks([first], {
      type: "received",
      task: { ...first, title: "Old", version: 1 },
    });
    const afterNew = nextTasks(afterStale, { type: "received", task: created });

    expect(afterStale).toEqual([first]);
    expect(afterNew.map((task) => task.title)).toEqual([
      "Write the spec",
      "Made elsewhere",
    ]);
  });

  it("applies edits at once, the assignee as a person", () => {
    const task = buildTask();
    const grace = buildUser({ name: "Grace" });

    const [edited] = nextTasks([task], {
      type: "edited",
      taskId: task.id,
      changes: { priority: "high", assignee: grace, title: undefined },
    });

    expect(edited).toMatchObject({
      priority: "high",
      assignee: grace,
      title: "Write the spec",
      version: 1,
    });
  });

  it("rolls an edit back to the copy taken before it", () => {
    const task = buildTask({ priority: "low" });
    const edited = nextTasks([task], {
      type: "edited",
      taskId: task.id,
      changes: { priority: "urgent" },
    });

    expect(nextTasks(edited, { type: "restored", task })).toEqual([task]);
  });

  it("keeps a newer server copy over a rollback", () => {
    const task = buildTask({ priority: "low" });
    const newer = { ...task, priority: "high" as const, version: 2 };

    expect(nextTasks([newer], { type: "restored", task })).toEqual([newer]);
  });

  it("puts a deleted task back when the delete fails", () => {
    const task = buildTask();
    const removed = nextTasks([task], { type: "removed", taskId: task.id });

    expect(removed).toEqual([]);
    expect(nextTasks(removed, { type: "restored", task })).toEqual([task]);
  });

  it("replaces a task being created with the server's", () => {
    const temp = buildTask({ version: 0, key: "" });
    const saved = buildTask({ key: "ENG-7" });

    const next = nextTasks([temp], {
      type: "created",
      tempId: temp.id,
      task: saved,
    });

    expect(next).toEqual([saved]);
  });

  it("keeps one copy when a socket brought the new task first", () => {
    const temp = buildTask({ version: 0 });
    const saved = buildTask({ key: "ENG-7" });

    const next = nextTasks([temp, saved], {
      type: "created",
      tempId: temp.id,
      task: saved,
    });

    expect(next).toEqual([saved]);
  });
});

describe("nextPageTasks", () => {
  it("changes tasks in place but adds none to a filtered page", () => {
    const task = buildTask();

    expect(
      nextPageTasks([task], { type: "received", task: buildTask() }),
    ).toEqual([task]);
    expect(nextPageTasks([task], { type: "removed", taskId: task.id })).toEqual(
      [],
    );
  });
});

describe("reconcileTasks", () => {
  it("keeps tasks held at a newer version than a slower fetch", () => {
    const fresh = buildTask({ title: "Saved since", version: 3 });
    const other = buildTask();

    const next = reconcileTasks(
      [fresh],
      [{ ...fresh, title: "Before", version: 2 }, other],
    );

    expect(next).toEqual([fresh, other]);
  });

  it("takes the server's copy at the same version", () => {
    const held = buildTask({ position: 1024 });
    const respaced = { ...held, position: 2048 };

    expect(reconcileTasks([held], [respaced])).toEqual([respaced]);
  });

  it("drops tasks the server no longer lists", () => {
    expect(reconcileTasks([buildTask()], [])).toEqual([]);
  });
});
