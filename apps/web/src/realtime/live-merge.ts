/**
 * How live events change what the cache holds, as plain functions. The rule
 * throughout: a record is replaced only by a strictly newer version, so an
 * event never overwrites a newer copy (or the user's unanswered edit, which
 * keeps the version it started from) with an older one.
 */
import type { Task, TaskListQuery } from "@ares/contracts";

import type { TaskPages } from "../tasks/task-cache";

/** Anything the API versions. */
interface Versioned {
  id: string;
  version: number;
}

/** True when `incoming` is newer than the copy held, or none is held. */
export function isNewer(
  held: Versioned | undefined,
  incoming: Versioned,
): boolean {
  return held === undefined || incoming.version > held.version;
}

/** The copy to keep of a record known twice: the newer one. */
export function newerRecord<Item extends Versioned>(
  held: Item,
  incoming: Item,
): Item {
  return isNewer(held, incoming) ? incoming : held;
}

/** A list with `incoming` in place of an older copy; others untouched. */
export function withNewerRecord<Item extends Versioned>(
  list: readonly Item[],
  incoming: Item,
): Item[] {
  return list.map((held) =>
    held.id === incoming.id ? newerRecord(held, incoming) : held,
  );
}

/**
 * True when a cached list does not hold `task` at this version yet: it must
 * be asked again, since only the server knows whether the task (created,
 * edited or moved by someone) matches the list's filters now and where it
 * sorts. A list holding it at this version or later already knows.
 */
export function listMissesChange(data: TaskPages, task: Task): boolean {
  const held = data.pages
    .flatMap((page) => page.tasks)
    .find(({ id }) => id === task.id);
  return isNewer(held, task);
}

/**
 * False when `task` certainly falls outside a list's filters, so a list
 * that does not hold it need not be asked again; true when it may match.
 * Filters are checked as the server applies them; the text search is
 * left to the server, so a list searching text counts every task as a
 * possible match. `selfId` is who "me" is.
 */
export function mayMatchList(
  query: TaskListQuery,
  task: Task,
  selfId: string,
): boolean {
  if (query.status !== undefined && task.status !== query.status) {
    return false;
  }
  if (query.assigneeId !== undefined) {
    const wanted =
      query.assigneeId === "none"
        ? null
        : query.assigneeId === "me"
          ? selfId
          : query.assigneeId;
    if ((task.assignee?.id ?? null) !== wanted) {
      return false;
    }
  }
  if (query.label !== undefined && !task.labels.includes(query.label)) {
    return false;
  }
  const due = task.dueDate;
  if (query.dueFrom !== undefined && (due === null || due < query.dueFrom)) {
    return false;
  }
  if (query.dueTo !== undefined && (due === null || due > query.dueTo)) {
    return false;
  }
  return true;
}
