import { describe, expect, it } from "vitest";

import { elapsed } from "./format";

describe("elapsed", () => {
  it("counts in the largest unit that fits", () => {
    expect(elapsed(125)).toEqual({ value: 2, unit: "minute" });
    expect(elapsed(3 * 3600 + 59)).toEqual({ value: 3, unit: "hour" });
    expect(elapsed(2 * 86400)).toEqual({ value: 2, unit: "day" });
  });

  it("leaves the last minute and anything past a week to other wording", () => {
    expect(elapsed(59)).toBeNull();
    expect(elapsed(8 * 86400)).toBeNull();
  });
});
