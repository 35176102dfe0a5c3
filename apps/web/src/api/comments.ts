import {
  activityListSchema,
  commentListSchema,
  commentSchema,
  type Activity,
  type Comment,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/** A task's comments, oldest first. */
export async function fetchComments(
  taskId: string,
  signal?: AbortSignal,
): Promise<Comment[]> {
  const list = await apiRequest(
    `${taskPath(taskId)}/comments`,
    commentListSchema,
    { signal },
  );
  return list.comments;
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

/** A task's history of changes and comments, newest first. */
export async function fetchActivity(
  taskId: string,
  signal?: AbortSignal,
): Promise<Activity[]> {
  const list = await apiRequest(
    `${taskPath(taskId)}/activity`,
    activityListSchema,
    { signal },
  );
  return list.activity;
}
