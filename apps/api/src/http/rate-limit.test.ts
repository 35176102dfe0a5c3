import { afterAll, describe, expect, it } from "vitest";
import { testApp, testRedis } from "../../test/harness.js";

const redis = testRedis();
const stores = redis ? (["memory", "redis"] as const) : (["memory"] as const);

/** A client address no other run uses, so shared Redis counters never mix. */
function randomClientIp(): string {
  const part = () => Math.floor(Math.random() * 250) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

afterAll(() => {
  redis?.disconnect();
});

describe.each(stores)("rate limits kept in %s", (store) => {
  it("answers 429 with Retry-After once a client exceeds its allowance", async () => {
    const { http } = await testApp({
      config: { rateLimitPerMinute: 3, trustProxy: true },
      redis: store === "redis" ? redis : undefined,
    });
    const ip = randomClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await http.get("/api/me").set("X-Forwarded-For", ip)).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);

    const limited = await http.get("/api/me").set("X-Forwarded-For", ip);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const otherClient = await http
      .get("/api/me")
      .set("X-Forwarded-For", randomClientIp());
    expect(otherClient.status).toBe(401);
  });
});
