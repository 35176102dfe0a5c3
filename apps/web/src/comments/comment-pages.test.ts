import { describe, expect, it } from "vitest";

import { buildComment } from "../test/work-factories";
import {
  commentPagesAfter,
  loadedComments,
  type CommentPages,
} from "./comment-pages";

function pagesOf(...pages: ReturnType<typeof buildComment>[][]): CommentPages {
  return {
    pages: pages.map((comments, index) => ({
      comments,
      nextCursor: index < pages.length - 1 ? `after-${index}` : "more",
    })),
    pageParams: pages.map((_, index) =>
      index === 0 ? null : `after-${index - 1}`,
    ),
  };
}

describe("commentPagesAfter", () => {
  it("adds to the last page and keeps every page's cursor", () => {
    const [a, b, c] = [buildComment(), buildComment(), buildComment()];
    const added = buildComment();

    const after = commentPagesAfter(pagesOf([a, b], [c]), {
      type: "added",
      comment: added,
    });

    expect(after.pages.map((page) => page.comments)).toEqual([
      [a, b],
      [c, added],
    ]);
    expect(after.pages.map((page) => page.nextCursor)).toEqual([
      "after-0",
      "more",
    ]);
    expect(after.pageParams).toEqual([null, "after-0"]);
  });

  it("removes from whichever page holds the comment", () => {
    const [a, b, c] = [buildComment(), buildComment(), buildComment()];

    const after = commentPagesAfter(pagesOf([a, b], [c]), {
      type: "removed",
      commentId: a.id,
    });

    expect(loadedComments(after)).toEqual([b, c]);
    expect(after.pages).toHaveLength(2);
  });
});

describe("loadedComments", () => {
  it("shows a comment that came again with a later page once, in its place", () => {
    const [a, b, c] = [buildComment(), buildComment(), buildComment()];
    const posted = buildComment();

    expect(loadedComments(pagesOf([a, posted], [b, c, posted]))).toEqual([
      a,
      b,
      c,
      posted,
    ]);
  });
});
