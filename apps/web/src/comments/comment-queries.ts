import type { Activity, Comment } from "@ares/contracts";
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from "@tanstack/react-query";

import {
  addComment,
  deleteComment,
  fetchActivity,
  fetchComments,
} from "../api/comments";
import { useCurrentSession } from "../auth/session-context";
import { notifyFailure } from "../notify";
import { refreshActivity, taskKeys } from "../tasks/task-cache";
import { nextComments } from "./next-comments";

/** Loads a task's comments, oldest first. */
export function useComments(taskId: string): UseQueryResult<Comment[]> {
  return useQuery({
    queryKey: taskKeys.comments(taskId),
    queryFn: ({ signal }) => fetchComments(taskId, signal),
  });
}

/** Loads a task's history, newest first. */
export function useActivity(taskId: string): UseQueryResult<Activity[]> {
  return useQuery({
    queryKey: taskKeys.activity(taskId),
    queryFn: ({ signal }) => fetchActivity(taskId, signal),
  });
}

interface AddContext {
  tempId: string;
}

/** Adds a comment, showing it at once and removing it if refused. */
export function useAddComment(
  taskId: string,
): UseMutationResult<Comment, Error, string, AddContext> {
  const queryClient = useQueryClient();
  const { user } = useCurrentSession();
  const key = taskKeys.comments(taskId);

  function update(event: Parameters<typeof nextComments>[1]) {
    queryClient.setQueryData<Comment[]>(key, (comments) =>
      comments === undefined ? undefined : nextComments(comments, event),
    );
  }

  return useMutation({
    mutationFn: (body: string) => addComment(taskId, body),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key });
      const now = new Date().toISOString();
      const draft: Comment = {
        id: crypto.randomUUID(),
        taskId,
        author: user,
        body,
        createdAt: now,
        updatedAt: now,
        version: 0,
      };
      update({ type: "added", comment: draft });
      return { tempId: draft.id };
    },
    onSuccess: (comment, _body, context) => {
      update({ type: "saved", tempId: context.tempId, comment });
    },
    onError: (error, _body, context) => {
      if (context !== undefined) {
        update({ type: "removed", commentId: context.tempId });
      }
      notifyFailure("Could not add your comment", error);
    },
    onSettled: () => {
      void refreshActivity(queryClient, taskId);
    },
  });
}

/** Deletes a comment at once, putting it back if the server refuses. */
export function useDeleteComment(
  taskId: string,
): UseMutationResult<void, Error, Comment> {
  const queryClient = useQueryClient();
  const key = taskKeys.comments(taskId);

  function update(event: Parameters<typeof nextComments>[1]) {
    queryClient.setQueryData<Comment[]>(key, (comments) =>
      comments === undefined ? undefined : nextComments(comments, event),
    );
  }

  return useMutation({
    mutationFn: (comment: Comment) => deleteComment(comment.id),
    onMutate: async (comment) => {
      await queryClient.cancelQueries({ queryKey: key });
      update({ type: "removed", commentId: comment.id });
    },
    onError: (error, comment) => {
      update({ type: "restored", comment });
      notifyFailure("Could not delete the comment", error);
    },
  });
}
