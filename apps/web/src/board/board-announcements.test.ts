import type { Active, Over } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";

import { boardAnnouncements } from "./board-announcements";

const names = {
  task: (id: string) => ({ a: "Write the spec", b: "Ship it" })[id] ?? id,
  column: (status: string) =>
    ({ todo: "To do", done: "Done" })[status] ?? status,
};
const ids = { todo: ["a", "b"], done: [] };

function active(id: string) {
  return { id } as unknown as Active;
}

function over(id: string) {
  return { id } as unknown as Over;
}

describe("boardAnnouncements", () => {
  const spoken = boardAnnouncements(ids, names);

  it("says where a card was picked up", () => {
    expect(spoken.onDragStart({ active: active("b") })).toBe(
      "Picked up Ship it, in To do, position 2 of 2.",
    );
  });

  it("says where the card would land, and nothing over its own place", () => {
    expect(spoken.onDragOver({ active: active("b"), over: over("a") })).toBe(
      "Moved Ship it to To do, position 1 of 2.",
    );
    expect(
      spoken.onDragOver({ active: active("b"), over: over("column:done") }),
    ).toBe("Moved Ship it to Done.");
    expect(
      spoken.onDragOver({ active: active("b"), over: over("b") }),
    ).toBeUndefined();
  });
});
