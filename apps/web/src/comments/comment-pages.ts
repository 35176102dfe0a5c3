import type { Comment } from "@ares/contracts";
import type { InfiniteData } from "@tanstack/react-query";

import type { CommentPage } from "../api/comments";
import { nextComments, type CommentEvent } from "./next-comments";

/** A task's comments as the cache holds them: the pages loaded so far. */
export type CommentPages = InfiniteData<CommentPage, string | null>;

/**
 * The loaded pages after `event`, applied as if they were one list. Each
 * page keeps its size but the last, which takes what was added or
 * removed; the cursors stay, so loading more goes on from where it was.
 */
export function commentPagesAfter(
  data: CommentPages,
  event: CommentEvent,
): CommentPages {
  const comments = nextComments(
    data.pages.flatMap((page) => page.comments),
    event,
  );
  const lastIndex = data.pages.length - 1;
  let start = 0;
  const pages = data.pages.map((page, index) => {
    const end =
      index === lastIndex
        ? comments.length
        : Math.min(start + page.comments.length, comments.length);
    const slice = comments.slice(start, end);
    start = end;
    return { ...page, comments: slice };
  });
  return { ...data, pages };
}

/**
 * The loaded comments, oldest first, each once. A comment posted while
 * older pages were still to load is shown at the end at once, and comes
 * again with the page that holds it: the later copy, in its place, wins.
 */
export function loadedComments(data: CommentPages): Comment[] {
  const all = data.pages.flatMap((page) => page.comments);
  const lastIndexOf = new Map(all.map((comment, index) => [comment.id, index]));
  return all.filter((comment, index) => lastIndexOf.get(comment.id) === index);
}
