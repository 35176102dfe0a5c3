import { describe, expect, it } from "vitest";

import { rebaseVersion } from "./base-version";

describe("rebaseVersion", () => {
  it("sends the version the edit started from when nothing changed", () => {
    expect(rebaseVersion(3, 3, new Set())).toBe(3);
  });

  it("steps over versions this tab produced", () => {
    expect(rebaseVersion(3, 5, new Set([4, 5]))).toBe(5);
  });

  it("stops at someone else's version so it is checked for clashes", () => {
    expect(rebaseVersion(3, 6, new Set([5, 6]))).toBe(3);
    expect(rebaseVersion(3, 6, new Set([4, 6]))).toBe(4);
  });
});
