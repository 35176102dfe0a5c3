import { defaultWorkflow } from "@ares/contracts";
import { describe, expect, it } from "vitest";

import { buildTask } from "../test/work-factories";
import {
  boardColumns,
  columnDropId,
  columnIdsOf,
  dragEnd,
  dragOver,
  isSamePlace,
  moveOf,
  nextBoard,
  positionBetween,
} from "./board-state";

const a = buildTask({ title: "A", position: 1024 });
const b = buildTask({ title: "B", position: 2048 });
const c = buildTask({ title: "C", position: 3072 });
const started = buildTask({
  title: "Started",
  status: "in_progress",
  position: 1024,
});
const tasks = [c, started, a, b];

describe("boardColumns", () => {
  it("gives each workflow status a column sorted by position", () => {
    const columns = boardColumns(defaultWorkflow, tasks);

    expect(columns.map((column) => column.status.key)).toEqual([
      "todo",
      "in_progress",
      "in_review",
      "done",
      "cancelled",
    ]);
    expect(columns[0]?.tasks.map((task) => task.title)).toEqual([
      "A",
      "B",
      "C",
    ]);
  });
});

describe("dragging", () => {
  const ids = columnIdsOf(boardColumns(defaultWorkflow, tasks));

  it("carries a task into another column where the pointer is", () => {
    const over = dragOver(ids, c.id, started.id);

    expect(over.todo).toEqual([a.id, b.id]);
    expect(over.in_progress).toEqual([c.id, started.id]);
  });

  it("drops a task at the end of an empty column", () => {
    const over = dragOver(ids, a.id, columnDropId("done"));

    expect(over.done).toEqual([a.id]);
    expect(moveOf(over, a.id)).toEqual({
      taskId: a.id,
      status: "done",
      afterId: null,
      beforeId: null,
    });
  });

  it("reorders within a column at the drop", () => {
    const dropped = dragEnd(ids, c.id, a.id);

    expect(dropped.todo).toEqual([c.id, a.id, b.id]);
    expect(moveOf(dropped, c.id)).toEqual({
      taskId: c.id,
      status: "todo",
      afterId: null,
      beforeId: a.id,
    });
  });

  it("names both neighbours of a task dropped in the middle", () => {
    const dropped = dragEnd(ids, a.id, b.id);

    expect(moveOf(dropped, a.id)).toMatchObject({
      afterId: b.id,
      beforeId: c.id,
    });
  });

  it("knows a drop where the task started changes nothing", () => {
    const move = moveOf(ids, b.id);

    expect(move && isSamePlace(tasks, move)).toBe(true);
    expect(
      isSamePlace(tasks, { ...moveOf(dragEnd(ids, b.id, a.id), b.id)! }),
    ).toBe(false);
  });
});

describe("positionBetween", () => {
  it("places as the server does", () => {
    expect(positionBetween(1024, 2048, 3072)).toBe(1536);
    expect(positionBetween(3072, undefined, 3072)).toBe(4096);
    expect(positionBetween(undefined, 1024, 3072)).toBe(0);
    expect(positionBetween(undefined, undefined, 0)).toBe(1024);
  });
});

describe("nextBoard", () => {
  it("moves a task between its new neighbours at once", () => {
    const next = nextBoard(tasks, {
      taskId: c.id,
      status: "todo",
      afterId: a.id,
      beforeId: b.id,
    });

    expect(
      boardColumns(defaultWorkflow, next)[0]?.tasks.map((task) => task.title),
    ).toEqual(["A", "C", "B"]);
    expect(next.find((task) => task.id === c.id)?.version).toBe(1);
  });

  it("moves a task to another column's end", () => {
    const next = nextBoard(tasks, {
      taskId: a.id,
      status: "in_progress",
      afterId: started.id,
      beforeId: null,
    });

    expect(next.find((task) => task.id === a.id)).toMatchObject({
      status: "in_progress",
      position: 2048,
    });
  });
});
