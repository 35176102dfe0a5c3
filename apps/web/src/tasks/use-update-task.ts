import type { Task } from "@ares/contracts";
import {
  useMutation,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";

import { ApiError } from "../api/api-error";
import { updateTask } from "../api/tasks";
import { notifyFailure, notifyNotice } from "../notify";
import { rememberOwnVersion } from "./base-version";
import {
  readTaskConflict,
  toUpdateFields,
  type TaskConflictDetails,
} from "./conflict";
import type { TaskChanges } from "./next-tasks";
import {
  applyPendingChange,
  applyTaskEvent,
  cachedTask,
  cancelTaskFetches,
  refreshActivity,
  refreshTaskLists,
} from "./task-cache";
import { isTaskGone, settleGoneTask } from "./task-gone";
import { baseVersionFor, taskScope } from "./task-scope";

/** An edit of some fields of a task, from the version the user saw. */
export interface TaskEdit {
  taskId: string;
  /** The task's version when the user began this edit. */
  startedFrom: number;
  /** Only the fields the user changed. */
  changes: TaskChanges;
}

/** What the editor hears back beyond the cache's own updates. */
export interface TaskEditHandlers {
  /** Someone else changed some of the same fields meanwhile. */
  onConflict: (conflict: TaskConflictDetails, edit: TaskEdit) => void;
  /** The server refused the edit, naming fields, e.g. an invalid assignee. */
  onFieldErrors: (fieldErrors: Readonly<Record<string, string>>) => void;
}

interface EditContext {
  previous: Task | undefined;
  /** Stops showing the edit over arriving copies; done before its answer. */
  release: () => void;
}

/**
 * Edits a task: the change shows at once, and stays on top of other
 * people's changes arriving meanwhile; the server's answer replaces it,
 * a refusal rolls it back with the server's reason, and a clash with
 * someone else's edit adopts their task and hands both sides over.
 */
export function useUpdateTask(
  projectId: string,
  handlers: TaskEditHandlers,
): UseMutationResult<Task, Error, TaskEdit, EditContext> {
  const queryClient = useQueryClient();

  async function handleMutate(edit: TaskEdit): Promise<EditContext> {
    await cancelTaskFetches(queryClient, projectId, edit.taskId);
    const previous = cachedTask(queryClient, projectId, edit.taskId);
    const release = applyPendingChange(queryClient, projectId, {
      type: "edited",
      taskId: edit.taskId,
      changes: edit.changes,
    });
    return { previous, release };
  }

  function handleError(error: Error, edit: TaskEdit, context?: EditContext) {
    context?.release();
    if (isTaskGone(error)) {
      const key = context?.previous?.key ?? "This task";
      settleGoneTask(queryClient, projectId, edit.taskId, key);
      return;
    }
    if (context?.previous !== undefined) {
      applyTaskEvent(queryClient, projectId, {
        type: "restored",
        task: context.previous,
      });
    }
    const conflict = readTaskConflict(error);
    if (conflict === null) {
      notifyFailure("Could not save your change", error);
      handlers.onFieldErrors(
        error instanceof ApiError ? error.fieldErrors : {},
      );
      return;
    }
    applyTaskEvent(queryClient, projectId, {
      type: "received",
      task: conflict.current,
    });
    if (conflict.fields.length > 0) {
      handlers.onConflict(conflict, edit);
    } else {
      notifyNotice("This task changed meanwhile", error.message);
    }
  }

  return useMutation({
    scope: taskScope(projectId),
    mutationFn: (edit: TaskEdit) =>
      updateTask(edit.taskId, {
        baseVersion: baseVersionFor(
          queryClient,
          projectId,
          edit.taskId,
          edit.startedFrom,
        ),
        ...toUpdateFields(edit.changes),
      }),
    onMutate: handleMutate,
    onSuccess: (task, _edit, context) => {
      context.release();
      rememberOwnVersion(task.id, task.version);
      applyTaskEvent(queryClient, projectId, { type: "received", task });
    },
    onError: handleError,
    onSettled: (_task, _error, edit) => {
      void refreshTaskLists(queryClient, projectId);
      void refreshActivity(queryClient, edit.taskId);
    },
  });
}
