import type { Task, WorkflowStatus } from "@ares/contracts";

import { nextTasks } from "../tasks/next-tasks";

/** One column of the board: a status and its tasks, top first. */
export interface BoardColumn {
  status: WorkflowStatus;
  tasks: Task[];
}

/** The task ids of each column, top first, keyed by status. */
export type ColumnIds = Record<string, string[]>;

/** Where a task goes: its status, and the tasks it lands between. */
export interface BoardMove {
  taskId: string;
  status: string;
  /** The task it comes after in that column; null at the top. */
  afterId: string | null;
  /** The task it comes before in that column; null at the bottom. */
  beforeId: string | null;
}

/** Gap the server leaves between tasks at a column's ends. */
const positionStep = 1024;

const byPosition = (a: Task, b: Task) =>
  a.position - b.position || a.id.localeCompare(b.id);

/**
 * The board's columns in workflow order, each sorted as the server sorts
 * it. A task whose status the workflow no longer has shows in no column.
 */
export function boardColumns(
  workflow: readonly WorkflowStatus[],
  tasks: readonly Task[],
): BoardColumn[] {
  return workflow.map((status) => ({
    status,
    tasks: tasks.filter((task) => task.status === status.key).sort(byPosition),
  }));
}

/** The ids in each column, the shape a drag works on. */
export function columnIdsOf(columns: readonly BoardColumn[]): ColumnIds {
  return Object.fromEntries(
    columns.map(({ status, tasks }) => [status.key, tasks.map(({ id }) => id)]),
  );
}

const columnPrefix = "column:";

/** The drop target id of a column (never a task id). */
export function columnDropId(status: string): string {
  return `${columnPrefix}${status}`;
}

/** The column holding `id`, which is a task's or a column's drop id. */
export function columnOf(ids: ColumnIds, id: string): string | undefined {
  if (id.startsWith(columnPrefix)) {
    return id.slice(columnPrefix.length);
  }
  return Object.keys(ids).find((status) => ids[status]?.includes(id));
}

/**
 * While dragging: a task carried over another column joins it, where the
 * task it is over stands (at the end when over the column itself). Moves
 * within one column are left to the sortable list until the drop.
 */
export function dragOver(
  ids: ColumnIds,
  activeId: string,
  overId: string,
): ColumnIds {
  const from = columnOf(ids, activeId);
  const to = columnOf(ids, overId);
  if (from === undefined || to === undefined || from === to) {
    return ids;
  }
  const target = ids[to] ?? [];
  const overIndex = target.indexOf(overId);
  const index = overIndex === -1 ? target.length : overIndex;
  return {
    ...ids,
    [from]: (ids[from] ?? []).filter((id) => id !== activeId),
    [to]: [...target.slice(0, index), activeId, ...target.slice(index)],
  };
}

/** At the drop: the task takes the place of the one it is over. */
export function dragEnd(
  ids: ColumnIds,
  activeId: string,
  overId: string,
): ColumnIds {
  const status = columnOf(ids, activeId);
  const column = status === undefined ? undefined : ids[status];
  if (status === undefined || column === undefined) {
    return ids;
  }
  const from = column.indexOf(activeId);
  const to = column.indexOf(overId);
  if (to === -1 || from === to) {
    return ids;
  }
  const reordered = column.filter((id) => id !== activeId);
  reordered.splice(to, 0, activeId);
  return { ...ids, [status]: reordered };
}

/** The move that puts `taskId` where it stands in `ids`; null if absent. */
export function moveOf(ids: ColumnIds, taskId: string): BoardMove | null {
  const status = columnOf(ids, taskId);
  const column = status === undefined ? undefined : ids[status];
  if (status === undefined || column === undefined) {
    return null;
  }
  const index = column.indexOf(taskId);
  return {
    taskId,
    status,
    afterId: column[index - 1] ?? null,
    beforeId: column[index + 1] ?? null,
  };
}

/** True when `move` leaves the task where `tasks` already has it. */
export function isSamePlace(tasks: readonly Task[], move: BoardMove): boolean {
  const task = tasks.find(({ id }) => id === move.taskId);
  if (task === undefined || task.status !== move.status) {
    return false;
  }
  const column = tasks
    .filter(({ status }) => status === move.status)
    .sort(byPosition)
    .map(({ id }) => id);
  const held = moveOf({ [move.status]: column }, move.taskId);
  return held?.afterId === move.afterId && held.beforeId === move.beforeId;
}

/**
 * The position the server gives a task placed between two neighbours:
 * halfway, a step past a lone neighbour, or a step past the column's end.
 */
export function positionBetween(
  after: number | undefined,
  before: number | undefined,
  columnEnd: number,
): number {
  if (after !== undefined && before !== undefined) {
    return (after + before) / 2;
  }
  if (after !== undefined) {
    return after + positionStep;
  }
  if (before !== undefined) {
    return before - positionStep;
  }
  return columnEnd + positionStep;
}

/** The board's tasks with `move` applied, as the server will apply it. */
export function nextBoard(tasks: readonly Task[], move: BoardMove): Task[] {
  const positionOf = (id: string | null) =>
    tasks.find((task) => task.id === id)?.position;
  const columnEnd = Math.max(
    0,
    ...tasks
      .filter((task) => task.status === move.status && task.id !== move.taskId)
      .map((task) => task.position),
  );
  const position = positionBetween(
    positionOf(move.afterId),
    positionOf(move.beforeId),
    columnEnd,
  );
  return nextTasks(tasks, {
    type: "moved",
    taskId: move.taskId,
    status: move.status,
    position,
  });
}

/** Where a task created in `status` lands: after the column's last task. */
export function endOfColumn(tasks: readonly Task[], status: string): number {
  const positions = tasks
    .filter((task) => task.status === status)
    .map((task) => task.position);
  return Math.max(0, ...positions) + positionStep;
}
