import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import { testApp, uniqueEmail, type TestHttp } from "../../test/harness.js";
import type { Database } from "../db/database.js";

/** A registration that would succeed, for each case to spoil one way. */
function goodRegistration(organizationName: string) {
  return {
    organizationName,
    name: "Valid Name",
    email: uniqueEmail("bad-input"),
    password: "a perfectly fine passphrase",
  };
}

describe("bad input", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp({ config: { bodyLimit: "2kb" } }));
    db = await sharedTestDatabase();
  });

  async function organizationsNamed(name: string) {
    return db.kysely
      .selectFrom("organizations")
      .select("id")
      .where("name", "=", name)
      .execute();
  }

  it.each([
    [
      "malformed JSON",
      (name: string) =>
        http
          .post("/api/auth/register")
          .set("Content-Type", "application/json")
          .send(`{"organizationName":"${name}",`),
      400,
      "bad_request",
    ],
    [
      "a wrong type",
      (name: string) =>
        http
          .post("/api/auth/register")
          .send({ ...goodRegistration(name), password: 1234567890123 }),
      400,
      "validation_failed",
    ],
    [
      "an unknown field",
      (name: string) =>
        http
          .post("/api/auth/register")
          .send({ ...goodRegistration(name), role: "owner" }),
      400,
      "validation_failed",
    ],
    [
      "an over-long string",
      (name: string) =>
        http.post("/api/auth/register").send({
          ...goodRegistration(name),
          organizationName: `${name}${"x".repeat(100)}`,
        }),
      400,
      "validation_failed",
    ],
    [
      "a body over the size limit",
      (name: string) =>
        http
          .post("/api/auth/register")
          .send({ ...goodRegistration(name), name: "y".repeat(4096) }),
      413,
      "payload_too_large",
    ],
    [
      "a form-encoded body",
      (name: string) =>
        http
          .post("/api/auth/register")
          .type("form")
          .send(goodRegistration(name)),
      415,
      "unsupported_media_type",
    ],
    [
      "a JSON array instead of an object",
      (name: string) =>
        http.post("/api/auth/register").send([goodRegistration(name)]),
      400,
      "validation_failed",
    ],
    [
      "no body at all",
      () => http.post("/api/auth/register"),
      400,
      "validation_failed",
    ],
  ])(
    "answers %s with a clear 4xx and writes nothing",
    async (_label, send, status, code) => {
      const name = `Bad input ${Math.random().toString(36).slice(2)}`;
      const response = await send(name);

      expect(response.status).toBe(status);
      expect(response.type).toBe("application/json");
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toEqual(expect.any(String));
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(await organizationsNamed(name)).toEqual([]);
    },
  );

  it("answers an unknown API route with 404 in the envelope", async () => {
    const response = await http.get("/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: {
        code: "not_found",
        message: "No route for GET /api/no-such-thing",
      },
    });
  });

  it("answers a known path with an unsupported method with 404", async () => {
    const response = await http.delete("/api/auth/register");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});
