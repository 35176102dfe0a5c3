import {
  activityListSchema,
  commentListSchema,
  commentSchema,
  type Activity,
  type Comment,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/** One page of a task's comments and the cursor of the next, if any. */
export interface CommentPage {
  comments: Comment[];
  nextCursor: string | null;
}

/** One page of a task's history and the cursor of the next, if any. */
export interface ActivityPage {
  activity: Activity[];
  nextCursor: string | null;
}

/** The query string that asks for the page after `cursor`. */
const pageQuery = (cursor: string | null) =>
  cursor === null ? "" : `?${new URLSearchParams({ cursor }).toString()}`;

/** A page of a task's comments, oldest first; the first when `cursor` is null. */
export function fetchComments(
  taskId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  return apiRequest(
    `${taskPath(taskId)}/comments${pageQuery(cursor)}`,
    commentListSchema,
    { signal },
  );
}

/** Comments on a task. */
export function addComment(taskId: string, body: string): Promise<Comment> {
  return apiRequest(`${taskPath(taskId)}/comments`, commentSchema, {
    method: "POST",
    body: { body },
  });
}

/** Deletes a comment: one's own, or any as a workspace admin. */
export function deleteComment(id: string): Promise<void> {
  return apiCommand(`/comments/${encodeURIComponent(id)}`, {
    method: "DELETE",
  });
}

/** A page of a task's history of changes and comments, newest first. */
export function fetchActivity(
  taskId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  return apiRequest(
    `${taskPath(taskId)}/activity${pageQuery(cursor)}`,
    activityListSchema,
    { signal },
  );
}
