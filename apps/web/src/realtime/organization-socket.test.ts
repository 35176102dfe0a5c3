import { describe, expect, it } from "vitest";

import { retryDelayMs } from "./organization-socket";

describe("retryDelayMs", () => {
  it("tries again at once after a first refusal, then backs off to a minute", () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([
      0, 2000, 4000, 8000, 60_000,
    ]);
  });
});
