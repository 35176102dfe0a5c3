import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  type TestHttp,
} from "../../test/harness.js";
import { capturingLogger } from "../../test/logging.js";

describe("health", () => {
  it("reports liveness and readiness", async () => {
    const { http } = await testApp();
    expect((await http.get("/healthz")).body).toEqual({ status: "ok" });
    expect((await http.get("/readyz")).body).toEqual({ status: "ready" });
  });

  it("reports not ready when the database is gone", async () => {
    const db = await openTestDatabase();
    const { http } = await testApp({ db });
    await db.close();
    const response = await http.get("/readyz");
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe("service_unavailable");
  });
});

describe("request ids and logs", () => {
  it("echoes a well-formed X-Request-Id and makes one otherwise", async () => {
    const { http } = await testApp();
    const given = await http.get("/healthz").set("X-Request-Id", "trace-123");
    const made = await http
      .get("/healthz")
      .set("X-Request-Id", "bad id with spaces");
    expect(given.headers["x-request-id"]).toBe("trace-123");
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs each request with its id, tenant and user, and no secrets", async () => {
    const { logger, lines } = capturingLogger();
    const { http } = await testApp({ logger });
    const org = await registerOrganization(http);
    await http
      .get("/api/me")
      .set("Authorization", `Bearer ${org.accessToken}`)
      .set("X-Request-Id", "me-request");

    const completed = lines.find(
      (line) =>
        line.requestId === "me-request" && line.msg === "request completed",
    );
    expect(completed).toMatchObject({
      tenantId: org.organization.id,
      userId: org.user.id,
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    const all = JSON.stringify(lines);
    expect(all).not.toContain(org.accessToken);
    expect(all).not.toContain(org.password);
  });

  it("logs refused input at info or warn, never error", async () => {
    const { logger, lines } = capturingLogger();
    const { http } = await testApp({ logger });
    await http
      .post("/api/auth/login")
      .set("Content-Type", "application/json")
      .send("{");
    await http.get("/api/me");
    await http.get("/api/nothing-here");
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(lines.some((line) => line.msg === "access refused")).toBe(true);
  });
});

describe("API reference", () => {
  let http: TestHttp;
  beforeAll(async () => {
    ({ http } = await testApp());
  });

  it("serves an OpenAPI 3.1 document built from the request schemas", async () => {
    const response = await http.get("/api/openapi.json");
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/register",
        "/api/auth/login",
        "/api/me",
      ]),
    );
    const register = document.components.schemas.RegisterRequest;
    expect(register.required).toEqual(
      expect.arrayContaining(["organizationName", "name", "email", "password"]),
    );
    expect(register.additionalProperties).toBe(false);
    expect(register.properties.password.minLength).toBe(10);
    expect(document.paths["/api/me"].get.security).toEqual([
      { bearerAuth: [] },
    ]);
  });

  it("serves a browsable reference page", async () => {
    const response = await http.get("/api/docs/");
    expect(response.status).toBe(200);
    expect(response.text).toContain("Ares API reference");
  });
});

describe("web app", () => {
  it("serves the built app for client routes and keeps /api for the API", async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "ares-web-"));
    fs.writeFileSync(
      path.join(dist, "index.html"),
      "<!doctype html><title>Ares</title>",
    );
    const { http } = await testApp({ config: { webDistDir: dist } });

    const page = await http
      .get("/projects/anything")
      .set("Accept", "text/html");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Ares</title>");
    expect(page.headers["content-security-policy"]).toContain(
      "default-src 'self'",
    );
    const api = await http.get("/api/unknown").set("Accept", "text/html");
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe("not_found");
  });
});
