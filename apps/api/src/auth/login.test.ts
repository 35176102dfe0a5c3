import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";

describe("POST /api/auth/login", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  it("signs in with the registered email in any letter case", async () => {
    const org = await registerOrganization(http);
    const response = await http
      .post("/api/auth/login")
      .send({ email: org.user.email.toUpperCase(), password: org.password });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      user: { id: org.user.id },
      organization: { id: org.organization.id },
      role: "owner",
    });
    expect(response.body.accessToken).toEqual(expect.any(String));
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const org = await registerOrganization(http);
    const wrong = await http
      .post("/api/auth/login")
      .send({ email: org.user.email, password: "not the password" });
    const unknown = await http
      .post("/api/auth/login")
      .send({ email: uniqueEmail("nobody"), password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  describe("for a person in two organizations", () => {
    let owner: Awaited<ReturnType<typeof registerOrganization>>;
    let other: Awaited<ReturnType<typeof registerOrganization>>;

    beforeAll(async () => {
      owner = await registerOrganization(http, { organizationName: "First" });
      other = await registerOrganization(http, { organizationName: "Second" });
      // Invitations arrive with the identity work; until then the second
      // membership is written directly.
      const db = await sharedTestDatabase();
      await db.kysely
        .insertInto("memberships")
        .values({
          tenant_id: other.organization.id,
          user_id: owner.user.id,
          role: "member",
          last_used_at: new Date(Date.now() - 60_000),
        })
        .execute();
    });

    it("enters the organization asked for", async () => {
      const response = await http.post("/api/auth/login").send({
        email: owner.user.email,
        password: owner.password,
        organizationId: other.organization.id,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        organization: { id: other.organization.id, name: "Second" },
        role: "member",
      });
    });

    it("otherwise enters the most recently used one", async () => {
      const response = await http
        .post("/api/auth/login")
        .send({ email: owner.user.email, password: owner.password });
      expect(response.body.organization.id).toBe(other.organization.id);
    });

    it("refuses an organization the person does not belong to", async () => {
      const response = await http.post("/api/auth/login").send({
        email: owner.user.email,
        password: owner.password,
        organizationId: crypto.randomUUID(),
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    });
  });
});
