import type { Task } from "@ares/contracts";
import {
  useMutation,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";

import { deleteTask } from "../api/tasks";
import { notifyFailure, notifySuccess } from "../notify";
import {
  applyTaskEvent,
  cancelTaskFetches,
  forgetDeletedTask,
  refreshTaskLists,
  taskKeys,
} from "./task-cache";
import { isTaskGone } from "./task-gone";
import { taskScope } from "./task-scope";

/**
 * Deletes a task: it leaves the board and lists at once, and comes back
 * with the server's reason if the server refuses. A task someone else
 * deleted first counts as deleted.
 */
export function useDeleteTask(
  projectId: string,
): UseMutationResult<void, Error, Task> {
  const queryClient = useQueryClient();

  function forget(task: Task) {
    forgetDeletedTask(queryClient, projectId, task.id);
    queryClient.removeQueries({ queryKey: taskKeys.detail(task.id) });
  }

  return useMutation({
    scope: taskScope(projectId),
    mutationFn: (task: Task) => deleteTask(task.id),
    onMutate: async (task) => {
      await cancelTaskFetches(queryClient, projectId, task.id);
      applyTaskEvent(queryClient, projectId, {
        type: "removed",
        taskId: task.id,
      });
    },
    onSuccess: (_nothing, task) => {
      forget(task);
      notifySuccess(`${task.key} was deleted.`);
    },
    onError: (error, task) => {
      if (isTaskGone(error)) {
        // Someone else deleted it first: what the user wanted is done.
        forget(task);
        notifySuccess(`${task.key} was already deleted.`);
        return;
      }
      applyTaskEvent(queryClient, projectId, { type: "restored", task });
      notifyFailure(`Could not delete ${task.key}`, error);
    },
    onSettled: () => {
      void refreshTaskLists(queryClient, projectId);
    },
  });
}
