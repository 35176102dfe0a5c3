import type { Activity, Comment } from "@ares/contracts";
import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseMutationResult,
} from "@tanstack/react-query";

import {
  addComment,
  deleteComment,
  fetchActivity,
  fetchComments,
  type ActivityPage,
} from "../api/comments";
import { useCurrentSession } from "../auth/session-context";
import { notifyFailure } from "../notify";
import { refreshActivity, taskKeys } from "../tasks/task-cache";
import {
  commentPagesAfter,
  loadedComments,
  type CommentPages,
} from "./comment-pages";
import type { CommentEvent } from "./next-comments";

/** Loads a task's comments a page at a time, oldest first. */
export function useComments(taskId: string): UseInfiniteQueryResult<Comment[]> {
  return useInfiniteQuery({
    queryKey: taskKeys.comments(taskId),
    queryFn: ({ pageParam, signal }) =>
      fetchComments(taskId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    select: loadedComments,
  });
}

/** Loads a task's history a page at a time, newest first. */
export function useActivity(
  taskId: string,
): UseInfiniteQueryResult<Activity[]> {
  return useInfiniteQuery({
    queryKey: taskKeys.activity(taskId),
    queryFn: ({ pageParam, signal }) =>
      fetchActivity(taskId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    select: (data: InfiniteData<ActivityPage, string | null>) =>
      data.pages.flatMap((page) => page.activity),
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

  function update(event: CommentEvent) {
    queryClient.setQueryData<CommentPages>(key, (pages) =>
      pages === undefined ? undefined : commentPagesAfter(pages, event),
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

  function update(event: CommentEvent) {
    queryClient.setQueryData<CommentPages>(key, (pages) =>
      pages === undefined ? undefined : commentPagesAfter(pages, event),
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
