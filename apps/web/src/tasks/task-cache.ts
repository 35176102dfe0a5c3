import type { Task, TaskListQuery } from "@ares/contracts";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import type { TaskPage } from "../api/tasks";
import {
  nextPageTasks,
  nextTask,
  nextTasks,
  type TaskEvent,
} from "./next-tasks";

/** Cache keys of tasks: a project's board and lists, and each task. */
export const taskKeys = {
  /** Everything cached for a project's tasks. */
  project: (projectId: string) => ["tasks", projectId] as const,
  board: (projectId: string) => ["tasks", projectId, "board"] as const,
  lists: (projectId: string) => ["tasks", projectId, "list"] as const,
  list: (projectId: string, query: TaskListQuery) =>
    ["tasks", projectId, "list", query] as const,
  detail: (taskId: string) => ["task", taskId] as const,
  comments: (taskId: string) => ["task", taskId, "comments"] as const,
  activity: (taskId: string) => ["task", taskId, "activity"] as const,
};

/** The pages of a task list, as the infinite query caches them. */
export type TaskPages = InfiniteData<TaskPage, string | null>;

/** A change of the user's shown before the server answers it. */
export type PendingChange = Extract<TaskEvent, { type: "edited" | "moved" }>;

/** What the cache keeps beside the queries, per query client. */
interface TaskCacheState {
  /** Tasks the server said were deleted. */
  deleted: Set<string>;
  /** Changes sent and not answered yet, by task, oldest first. */
  pending: Map<string, PendingChange[]>;
}

const states = new WeakMap<QueryClient, TaskCacheState>();

function stateOf(queryClient: QueryClient): TaskCacheState {
  let state = states.get(queryClient);
  if (state === undefined) {
    state = { deleted: new Set(), pending: new Map() };
    states.set(queryClient, state);
  }
  return state;
}

/**
 * Shows `change` at once and keeps showing it over any copy of the task
 * that arrives (someone else's newer version, a fetch) until the returned
 * function releases it, which is done before the server's answer is
 * applied: the answer then says what became of it.
 */
export function applyPendingChange(
  queryClient: QueryClient,
  projectId: string,
  change: PendingChange,
): () => void {
  const { pending } = stateOf(queryClient);
  pending.set(change.taskId, [...(pending.get(change.taskId) ?? []), change]);
  applyTaskEvent(queryClient, projectId, change);
  return () => {
    const left = (pending.get(change.taskId) ?? []).filter(
      (held) => held !== change,
    );
    if (left.length > 0) {
      pending.set(change.taskId, left);
    } else {
      pending.delete(change.taskId);
    }
  };
}

/** `task` as the user sees it: with their unanswered changes on top. */
export function withPendingChanges(queryClient: QueryClient, task: Task): Task {
  const changes = states.get(queryClient)?.pending.get(task.id) ?? [];
  return changes.reduce(
    (shown, change) => nextTask(shown, change) ?? shown,
    task,
  );
}

/** True once the server said `taskId` was deleted. */
export function isDeletedTask(
  queryClient: QueryClient,
  taskId: string,
): boolean {
  return states.get(queryClient)?.deleted.has(taskId) ?? false;
}

/**
 * Takes a task the server deleted out of the board and lists for good: a
 * copy arriving afterwards (the late answer to an edit, a rollback, a
 * fetch that started before the deletion) cannot bring it back.
 */
export function forgetDeletedTask(
  queryClient: QueryClient,
  projectId: string,
  taskId: string,
): void {
  stateOf(queryClient).deleted.add(taskId);
  applyTaskEvent(queryClient, projectId, { type: "removed", taskId });
  // An open panel asks for it again, and says it is gone.
  void queryClient.resetQueries({
    queryKey: taskKeys.detail(taskId),
    exact: true,
  });
}

/**
 * Applies `event` to every cached copy of the project's tasks: its board,
 * its lists and the task itself. Mutations and socket events both come
 * through here, so the copies never disagree. Copies of a deleted task
 * are dropped; a copy of a task with unanswered changes gets them on top.
 */
export function applyTaskEvent(
  queryClient: QueryClient,
  projectId: string,
  event: TaskEvent,
): void {
  if (event.type !== "received" && event.type !== "restored") {
    applyToCopies(queryClient, projectId, event);
    return;
  }
  if (isDeletedTask(queryClient, event.task.id)) {
    return;
  }
  applyToCopies(queryClient, projectId, event);
  const changes = states.get(queryClient)?.pending.get(event.task.id) ?? [];
  for (const change of changes) {
    applyToCopies(queryClient, projectId, change);
  }
}

function applyToCopies(
  queryClient: QueryClient,
  projectId: string,
  event: TaskEvent,
): void {
  queryClient.setQueryData<Task[]>(taskKeys.board(projectId), (tasks) =>
    tasks === undefined ? undefined : nextTasks(tasks, event),
  );
  queryClient.setQueriesData<TaskPages>(
    { queryKey: taskKeys.lists(projectId) },
    (data) => data && nextPages(data, event),
  );
  // A removed task's own query keeps its last copy until it is dropped,
  // so a refused delete has something to come back to.
  for (const id of eventTaskIds(event)) {
    queryClient.setQueryData<Task>(taskKeys.detail(id), (task) =>
      task === undefined ? task : (nextTask(task, event) ?? task),
    );
  }
}

function nextPages(data: TaskPages, event: TaskEvent): TaskPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      tasks: nextPageTasks(page.tasks, event),
    })),
  };
}

function eventTaskIds(event: TaskEvent): string[] {
  switch (event.type) {
    case "received":
    case "restored":
      return [event.task.id];
    case "edited":
    case "moved":
    case "removed":
      return [event.taskId];
    case "added":
    case "created":
      return [];
  }
}

/** The freshest cached copy of a task, from its own query or the board. */
export function cachedTask(
  queryClient: QueryClient,
  projectId: string,
  taskId: string,
): Task | undefined {
  const own = queryClient.getQueryData<Task>(taskKeys.detail(taskId));
  const onBoard = queryClient
    .getQueryData<Task[]>(taskKeys.board(projectId))
    ?.find((task) => task.id === taskId);
  if (own === undefined) {
    return onBoard;
  }
  return onBoard !== undefined && onBoard.version > own.version ? onBoard : own;
}

/**
 * Stops fetches of the board and the task in flight, so a slow answer
 * cannot land on top of a change the user just made. Lists are asked
 * again once the change is settled.
 */
export async function cancelTaskFetches(
  queryClient: QueryClient,
  projectId: string,
  taskId?: string,
): Promise<void> {
  await queryClient.cancelQueries({ queryKey: taskKeys.board(projectId) });
  if (taskId !== undefined) {
    await queryClient.cancelQueries({
      queryKey: taskKeys.detail(taskId),
      exact: true,
    });
  }
}

/** Asks filtered lists again: a change may move a task in or out of them. */
export function refreshTaskLists(
  queryClient: QueryClient,
  projectId: string,
): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: taskKeys.lists(projectId) });
}

/** Asks a task's history again after a change to it. */
export function refreshActivity(
  queryClient: QueryClient,
  taskId: string,
): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: taskKeys.activity(taskId) });
}
