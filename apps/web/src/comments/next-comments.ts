import type { Comment } from "@ares/contracts";

/** Something that happened to a task's comments. */
export type CommentEvent =
  /** A comment being posted, under a temporary id. */
  | { type: "added"; comment: Comment }
  /** The server saved the comment posted under `tempId`. */
  | { type: "saved"; tempId: string; comment: Comment }
  /** A comment someone (maybe this user) posted, from a live event. */
  | { type: "received"; comment: Comment }
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
      return savedComment(comments, event.tempId, event.comment);
    case "received":
      return receivedComment(comments, event.comment);
    case "removed":
      return comments.filter((comment) => comment.id !== event.commentId);
    case "restored":
      return comments.some((comment) => comment.id === event.comment.id)
        ? [...comments]
        : [...comments, event.comment].sort(byCreation);
  }
}

/**
 * The saved comment in the place of its draft. A live event may have
 * brought it first, taking the draft's place already: no second copy.
 */
function savedComment(
  comments: readonly Comment[],
  tempId: string,
  saved: Comment,
): Comment[] {
  const others = comments.filter((comment) => comment.id !== saved.id);
  if (!others.some((comment) => comment.id === tempId)) {
    return [...others, saved].sort(byCreation);
  }
  return others.map((comment) => (comment.id === tempId ? saved : comment));
}

/**
 * A comment from a live event. One already held is kept. The author's own
 * comment usually arrives while its draft is still shown: it takes the
 * place of the oldest draft with the same author and text, so it never
 * shows twice.
 */
function receivedComment(
  comments: readonly Comment[],
  received: Comment,
): Comment[] {
  if (comments.some((comment) => comment.id === received.id)) {
    return [...comments];
  }
  const draft = comments.find(
    (comment) =>
      isPendingComment(comment) &&
      comment.author?.id === received.author?.id &&
      comment.body === received.body,
  );
  if (draft === undefined) {
    return [...comments, received].sort(byCreation);
  }
  return comments.map((comment) => (comment === draft ? received : comment));
}

/** True for a comment the server has not saved yet. */
export function isPendingComment(comment: Comment): boolean {
  return comment.version === 0;
}
