import type { Comment } from "@ares/contracts";

/** Something that happened to a task's comments. */
export type CommentEvent =
  /** A comment being posted, under a temporary id. */
  | { type: "added"; comment: Comment }
  /** The server saved the comment posted under `tempId`. */
  | { type: "saved"; tempId: string; comment: Comment }
  | { type: "removed"; commentId: string }
  /** A comment whose delete failed comes back in its place. */
  | { type: "restored"; comment: Comment };

const byCreation = (a: Comment, b: Comment) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** A task's comments, oldest first, after `event`. */
export function nextComments(
  comments: readonly Comment[],
  event: CommentEvent,
): Comment[] {
  switch (event.type) {
    case "added":
      return [...comments, event.comment];
    case "saved":
      return comments.map((comment) =>
        comment.id === event.tempId ? event.comment : comment,
      );
    case "removed":
      return comments.filter((comment) => comment.id !== event.commentId);
    case "restored":
      return comments.some((comment) => comment.id === event.comment.id)
        ? [...comments]
        : [...comments, event.comment].sort(byCreation);
  }
}

/** True for a comment the server has not saved yet. */
export function isPendingComment(comment: Comment): boolean {
  return comment.version === 0;
}
