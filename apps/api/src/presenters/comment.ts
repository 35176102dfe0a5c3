import type { Comment } from "@ares/contracts";
import type { CommentRow, UserRow } from "../db/schema.js";
import { presentUser } from "./session.js";

/** A comment with its author, who is null once no longer visible. */
export interface CommentWithAuthor extends CommentRow {
  author: Pick<UserRow, "id" | "email" | "name"> | null;
}

/** A comment on a task, as the API shows it. */
export function presentComment(comment: CommentWithAuthor): Comment {
  return {
    id: comment.id,
    taskId: comment.task_id,
    author: comment.author ? presentUser(comment.author) : null,
    body: comment.body,
    createdAt: comment.created_at.toISOString(),
    updatedAt: comment.updated_at.toISOString(),
    version: comment.version,
  };
}
