import { describe, expect, it } from "vitest";
import { describeConfig, loadConfig } from "./config.js";

describe("configuration", () => {
  it("has defaults that run the product on embedded services", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      appUrl: "http://localhost:3000",
      databaseUrl: undefined,
      redisUrl: undefined,
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it("lists every bad setting at once", () => {
    expect(() =>
      loadConfig({
        PORT: "seventy",
        DATABASE_URL: "nope",
        AUTH_SECRET: "short",
      }),
    ).toThrow(
      /PORT.*DATABASE_URL.*AUTH_SECRET|PORT.*AUTH_SECRET.*DATABASE_URL/s,
    );
  });

  it("describes itself without secrets", () => {
    const config = loadConfig({
      AUTH_SECRET: "s".repeat(40),
      DATABASE_URL: "postgres://ares:hunter2@db.internal:5432/ares",
    });
    const described = JSON.stringify(describeConfig(config));
    expect(described).not.toContain("hunter2");
    expect(described).not.toContain("s".repeat(40));
  });
});
