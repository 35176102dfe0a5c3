import type { QueryClient } from "@tanstack/react-query";

import { ApiError } from "../api/api-error";
import { notifyNotice } from "../notify";
import { forgetDeletedTask } from "./task-cache";

/**
 * True when the server answered that a task is not there: deleted, or in
 * a project the user can no longer see (the API does not tell them apart).
 */
export function isTaskGone(error: Error): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * After a change was refused because its task is gone: takes the task
 * away for good, rather than rolling it back into view, and says the
 * change was not saved.
 */
export function settleGoneTask(
  queryClient: QueryClient,
  projectId: string,
  taskId: string,
  taskKey: string,
): void {
  forgetDeletedTask(queryClient, projectId, taskId);
  notifyNotice(
    `${taskKey} is gone`,
    "It was deleted, or you can no longer see its project. " +
      "Your change was not saved.",
  );
}
