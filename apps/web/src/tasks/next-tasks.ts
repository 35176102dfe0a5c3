import type { Priority, Task, User } from "@ares/contracts";

/** Fields of a task as the UI changes them, the assignee as a person. */
export interface TaskChanges {
  title?: string;
  description?: string;
  status?: string;
  priority?: Priority;
  assignee?: User | null;
  dueDate?: string | null;
  labels?: string[];
  estimate?: number | null;
}

/**
 * Something that happened to a project's tasks: a copy from the server, or
 * one of the user's changes applied before the server confirms it.
 */
export type TaskEvent =
  /** The server's copy, from an answer or a socket: kept if not older. */
  | { type: "received"; task: Task }
  /** Fields edited, before the server answers. */
  | { type: "edited"; taskId: string; changes: TaskChanges }
  /** Moved on the board, before the server answers. */
  | { type: "moved"; taskId: string; status: string; position: number }
  /** A task being created, under a temporary id. */
  | { type: "added"; task: Task }
  /** The server created the task that was added under `tempId`. */
  | { type: "created"; tempId: string; task: Task }
  | { type: "removed"; taskId: string }
  /** Rolls back to a copy taken earlier, unless a newer one came since. */
  | { type: "restored"; task: Task };

/**
 * The copy to keep of a task known twice. A newer version wins; an equal
 * one keeps what is held, which may carry edits the server has not
 * answered yet. An older version never replaces a newer one.
 */
export function newerTask(current: Task | undefined, incoming: Task): Task {
  if (current === undefined || incoming.version > current.version) {
    return incoming;
  }
  return current;
}

/** One task after `event`; null when the event removes it. */
export function nextTask(task: Task, event: TaskEvent): Task | null {
  switch (event.type) {
    case "received":
      return event.task.id === task.id ? newerTask(task, event.task) : task;
    case "restored":
      return event.task.id === task.id && event.task.version >= task.version
        ? event.task
        : task;
    case "edited":
      return event.taskId === task.id
        ? { ...task, ...definedChanges(event.changes) }
        : task;
    case "moved":
      return event.taskId === task.id
        ? { ...task, status: event.status, position: event.position }
        : task;
    case "created":
      return task.id === event.tempId ? event.task : task;
    case "removed":
      return event.taskId === task.id ? null : task;
    case "added":
      return task;
  }
}

function definedChanges(changes: TaskChanges): TaskChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
}

/**
 * A board's tasks after `event`. Tasks the board did not hold yet (created
 * elsewhere, or restored after a failed delete) are added.
 */
export function nextTasks(tasks: readonly Task[], event: TaskEvent): Task[] {
  if (
    event.type === "created" &&
    tasks.some(({ id }) => id === event.task.id)
  ) {
    // A socket brought the new task before the answer to its creation did.
    const withoutTemp = tasks.filter(({ id }) => id !== event.tempId);
    return nextTasks(withoutTemp, { type: "received", task: event.task });
  }
  const next: Task[] = [];
  for (const task of tasks) {
    const changed = nextTask(task, event);
    if (changed !== null) {
      next.push(changed);
    }
  }
  const arriving = arrivingTask(event);
  if (arriving !== null && !tasks.some((task) => task.id === arriving.id)) {
    next.push(arriving);
  }
  return next;
}

function arrivingTask(event: TaskEvent): Task | null {
  switch (event.type) {
    case "received":
    case "restored":
    case "added":
      return event.task;
    case "created":
    case "edited":
    case "moved":
    case "removed":
      return null;
  }
}

/**
 * A page of a filtered list after `event`: tasks change or leave in place,
 * but none is added, since the server decides which tasks match.
 */
export function nextPageTasks(
  tasks: readonly Task[],
  event: TaskEvent,
): Task[] {
  const held = new Set(tasks.map((task) => task.id));
  return nextTasks(tasks, event).filter((task) => held.has(task.id));
}

/**
 * A fresh copy from the server, unless the one held is newer: an answer or
 * a socket event may have overtaken the request. At the same version the
 * server's copy wins (fetches are cancelled while a change is on its way).
 */
export function freshTask(held: Task | undefined, fetched: Task): Task {
  return held !== undefined && held.version > fetched.version ? held : fetched;
}

/** A fresh list from the server, keeping tasks held at a newer version. */
export function reconcileTasks(
  held: readonly Task[] | undefined,
  fetched: readonly Task[],
): Task[] {
  const byId = new Map(held?.map((task) => [task.id, task]));
  return fetched.map((task) => freshTask(byId.get(task.id), task));
}
