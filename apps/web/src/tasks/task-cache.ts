import type { Task, TaskListQuery } from "@ares/contracts";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import { ApiError } from "../api/api-error";
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

const deletedTasks = new WeakMap<QueryClient, Set<string>>();

function deletedIn(queryClient: QueryClient): Set<string> {
  let deleted = deletedTasks.get(queryClient);
  if (deleted === undefined) {
    deleted = new Set();
    deletedTasks.set(queryClient, deleted);
  }
  return deleted;
}

/** True once the server said `taskId` was deleted. */
export function isDeletedTask(
  queryClient: QueryClient,
  taskId: string,
): boolean {
  return deletedTasks.get(queryClient)?.has(taskId) ?? false;
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
  deletedIn(queryClient).add(taskId);
  applyTaskEvent(queryClient, projectId, { type: "removed", taskId });
  // An open panel asks for it again, and says it is gone.
  void queryClient.resetQueries({
    queryKey: taskKeys.detail(taskId),
    exact: true,
  });
}

/**
 * True when the server answered that a task is not there: deleted, or in
 * a project the user can no longer see (the API does not tell them apart).
 */
export function isTaskGone(error: Error): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * Applies `event` to every cached copy of the project's tasks: its board,
 * its lists and the task itself. Mutations and socket events both come
 * through here, so the copies never disagree. Copies of a deleted task
 * are dropped.
 */
export function applyTaskEvent(
  queryClient: QueryClient,
  projectId: string,
  event: TaskEvent,
): void {
  if (
    (event.type === "received" || event.type === "restored") &&
    isDeletedTask(queryClient, event.task.id)
  ) {
    return;
  }
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
