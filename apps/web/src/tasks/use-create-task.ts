import type { Task, User } from "@ares/contracts";
import {
  useMutation,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";

import { createTask } from "../api/tasks";
import { useCurrentSession } from "../auth/session-context";
import { endOfColumn } from "../board/board-state";
import { notifyFailure } from "../notify";
import {
  applyTaskEvent,
  cancelTaskFetches,
  refreshTaskLists,
  taskKeys,
} from "./task-cache";
import { taskScope } from "./task-scope";

/** A task to create from the board: a title in a column. */
export interface NewTask {
  title: string;
  status: string;
}

interface CreateContext {
  tempId: string;
}

/**
 * A stand-in shown while the server creates the task. Version 0 marks it:
 * no version the server gives is that low.
 */
export function draftTask(
  projectId: string,
  input: NewTask,
  author: User,
  board: readonly Task[],
): Task {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    projectId,
    key: "",
    number: 0,
    title: input.title,
    description: "",
    status: input.status,
    priority: "none",
    assignee: null,
    dueDate: null,
    labels: [],
    estimate: null,
    position: endOfColumn(board, input.status),
    createdBy: author,
    createdAt: now,
    updatedAt: now,
    statusChangedAt: now,
    completedAt: null,
    version: 0,
  };
}

/** True for a stand-in the server has not created yet. */
export function isDraft(task: Task): boolean {
  return task.version === 0;
}

/** Creates a task at the end of a column, showing it at once. */
export function useCreateTask(
  projectId: string,
): UseMutationResult<Task, Error, NewTask, CreateContext> {
  const queryClient = useQueryClient();
  const { user } = useCurrentSession();

  async function handleMutate(input: NewTask): Promise<CreateContext> {
    await cancelTaskFetches(queryClient, projectId);
    const board = queryClient.getQueryData<Task[]>(taskKeys.board(projectId));
    const draft = draftTask(projectId, input, user, board ?? []);
    applyTaskEvent(queryClient, projectId, { type: "added", task: draft });
    return { tempId: draft.id };
  }

  return useMutation({
    scope: taskScope(projectId),
    mutationFn: (input: NewTask) => createTask(projectId, input),
    onMutate: handleMutate,
    onSuccess: (task, _input, context) => {
      applyTaskEvent(queryClient, projectId, {
        type: "created",
        tempId: context.tempId,
        task,
      });
    },
    onError: (error, input, context) => {
      if (context !== undefined) {
        applyTaskEvent(queryClient, projectId, {
          type: "removed",
          taskId: context.tempId,
        });
      }
      notifyFailure(`Could not add “${input.title}”`, error);
    },
    onSettled: () => {
      void refreshTaskLists(queryClient, projectId);
    },
  });
}
