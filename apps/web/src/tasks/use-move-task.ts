import type { Task } from "@ares/contracts";
import {
  useMutation,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";

import { moveTask } from "../api/tasks";
import { nextBoard, type BoardMove } from "../board/board-state";
import { notifyFailure, notifyNotice } from "../notify";
import { rememberOwnVersion } from "./base-version";
import { readTaskConflict } from "./conflict";
import {
  applyPendingChange,
  applyTaskEvent,
  cachedTask,
  cancelTaskFetches,
  refreshActivity,
  refreshTaskLists,
  taskKeys,
} from "./task-cache";
import { isTaskGone, settleGoneTask } from "./task-gone";
import { baseVersionFor, taskScope } from "./task-scope";

/** A move on the board, from the version the user saw. */
export interface TaskMove extends BoardMove {
  startedFrom: number;
  /** The task's key, to name it in messages. */
  taskKey: string;
}

interface MoveContext {
  previous: Task | undefined;
  /** Stops showing the move over arriving copies; done before its answer. */
  release: () => void;
}

/**
 * Moves a task on the board: it lands at once; a refusal puts it back with
 * the server's reason, and a clash with someone else's move adopts theirs.
 */
export function useMoveTask(
  projectId: string,
): UseMutationResult<Task, Error, TaskMove, MoveContext> {
  const queryClient = useQueryClient();

  async function handleMutate(move: TaskMove): Promise<MoveContext> {
    await cancelTaskFetches(queryClient, projectId, move.taskId);
    const previous = cachedTask(queryClient, projectId, move.taskId);
    const board = queryClient.getQueryData<Task[]>(taskKeys.board(projectId));
    const landed = nextBoard(board ?? [], move).find(
      (task) => task.id === move.taskId,
    );
    const release =
      landed === undefined
        ? () => undefined
        : applyPendingChange(queryClient, projectId, {
            type: "moved",
            taskId: move.taskId,
            status: landed.status,
            position: landed.position,
          });
    return { previous, release };
  }

  function handleError(error: Error, move: TaskMove, context?: MoveContext) {
    context?.release();
    if (isTaskGone(error)) {
      settleGoneTask(queryClient, projectId, move.taskId, move.taskKey);
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
      notifyFailure(`Could not move ${move.taskKey}`, error);
      return;
    }
    applyTaskEvent(queryClient, projectId, {
      type: "received",
      task: conflict.current,
    });
    notifyNotice(
      `${move.taskKey} was moved by someone else`,
      "It stays where they put it.",
    );
  }

  return useMutation({
    scope: taskScope(projectId),
    mutationFn: (move: TaskMove) =>
      moveTask(move.taskId, {
        baseVersion: baseVersionFor(
          queryClient,
          projectId,
          move.taskId,
          move.startedFrom,
        ),
        status: move.status,
        afterId: move.afterId,
        beforeId: move.beforeId,
      }),
    onMutate: handleMutate,
    onSuccess: (task, _move, context) => {
      context.release();
      rememberOwnVersion(task.id, task.version);
      applyTaskEvent(queryClient, projectId, { type: "received", task });
    },
    onError: handleError,
    onSettled: (_task, _error, move) => {
      void refreshTaskLists(queryClient, projectId);
      void refreshActivity(queryClient, move.taskId);
    },
  });
}
