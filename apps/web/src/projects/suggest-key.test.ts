import { describe, expect, it } from "vitest";

import { suggestKey } from "./use-new-project-form";

describe("suggestKey", () => {
  it("takes the initials of several words", () => {
    expect(suggestKey("Mobile app launch")).toBe("MAL");
  });

  it("takes the start of a single word", () => {
    expect(suggestKey("Engineering")).toBe("ENGINEERIN");
  });

  it("never starts with a digit", () => {
    expect(suggestKey("2025 roadmap")).toBe("R");
  });
});
