import type { Comment } from "@ares/contracts";
import { describe, expect, it } from "vitest";

import { testId } from "../test/work-factories";
import { nextComments } from "./next-comments";

function buildComment(body: string, createdAt: string): Comment {
  return {
    id: testId(),
    taskId: testId(),
    author: null,
    body,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
}

const first = buildComment("First", "2025-03-01T10:00:00.000Z");
const second = buildComment("Second", "2025-03-01T11:00:00.000Z");

describe("nextComments", () => {
  it("shows a comment being posted last, then the saved one in its place", () => {
    const draft = { ...buildComment("Third", "2025-03-01T12:00:00.000Z") };
    const saved = { ...draft, id: testId() };

    const posting = nextComments([first], { type: "added", comment: draft });
    const done = nextComments(posting, {
      type: "saved",
      tempId: draft.id,
      comment: saved,
    });

    expect(done).toEqual([first, saved]);
  });

  it("puts a comment whose delete failed back in its place", () => {
    const removed = nextComments([first, second], {
      type: "removed",
      commentId: first.id,
    });

    expect(nextComments(removed, { type: "restored", comment: first })).toEqual(
      [first, second],
    );
  });
});

describe("nextComments with live events", () => {
  const ada = { id: testId(), name: "Ada", email: "ada@example.com" };

  it("adds someone's new comment in order, and only once", () => {
    const between = buildComment("Between", "2025-03-01T10:30:00.000Z");

    const once = nextComments([first, second], {
      type: "received",
      comment: between,
    });
    const twice = nextComments(once, { type: "received", comment: between });

    expect(twice).toEqual([first, between, second]);
  });

  it("puts the author's own comment in place of its draft, then ignores the answer's copy", () => {
    const draft = {
      ...buildComment("Mine", "2025-03-01T12:00:00.000Z"),
      author: ada,
      version: 0,
    };
    const saved = { ...draft, id: testId(), version: 1 };

    const live = nextComments([first, draft], {
      type: "received",
      comment: saved,
    });
    const answered = nextComments(live, {
      type: "saved",
      tempId: draft.id,
      comment: saved,
    });

    expect(live).toEqual([first, saved]);
    expect(answered).toEqual([first, saved]);
  });

  it("keeps one copy when the answer finds the live copy beside its draft", () => {
    const draft = {
      ...buildComment("Mine", "2025-03-01T12:00:00.000Z"),
      version: 0,
    };
    const saved = { ...draft, id: testId(), version: 1 };

    const answered = nextComments([first, draft, saved], {
      type: "saved",
      tempId: draft.id,
      comment: saved,
    });

    expect(answered).toEqual([first, saved]);
  });
});
