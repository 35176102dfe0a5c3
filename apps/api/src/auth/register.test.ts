import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";
import type { Database } from "../db/database.js";

describe("POST /api/auth/register", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  it("creates the organization and its owner and returns a working token", async () => {
    const email = uniqueEmail("Founder").toUpperCase();
    const response = await http.post("/api/auth/register").send({
      organizationName: "  Initech  ",
      name: "Peter Gibbons",
      email,
      password: "tps reports forever",
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      tokenType: "Bearer",
      expiresIn: 900,
      role: "owner",
      organization: { name: "Initech" },
      user: { name: "Peter Gibbons", email: email.toLowerCase() },
    });
    expect(response.body).not.toHaveProperty("user.password_hash");
    const me = await http
      .get("/api/me")
      .set("Authorization", `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.organization.id).toBe(response.body.organization.id);
  });

  it("stores the password only as an argon2id hash", async () => {
    const org = await registerOrganization(http);
    const user = await db.kysely
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", org.user.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password_hash).not.toContain(org.password);
  });

  it("answers 409 when the email is already registered", async () => {
    const first = await registerOrganization(http);
    const response = await http.post("/api/auth/register").send({
      organizationName: "Second try",
      name: "Someone",
      email: first.user.email,
      password: "another fine passphrase",
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: "conflict",
      details: [{ path: "email" }],
    });
    const orgs = await db.kysely
      .selectFrom("organizations")
      .select("id")
      .where("name", "=", "Second try")
      .execute();
    expect(orgs).toEqual([]);
  });

  it("lists every invalid field", async () => {
    const response = await http.post("/api/auth/register").send({
      organizationName: "",
      name: "x".repeat(101),
      email: "not-an-email",
      password: "short",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    const paths = response.body.error.details.map(
      (d: { path: string }) => d.path,
    );
    expect(paths.sort()).toEqual([
      "email",
      "name",
      "organizationName",
      "password",
    ]);
  });

  describe("when the transaction fails after the organization is written", () => {
    const doomedEmail = uniqueEmail("doomed");

    beforeAll(async () => {
      // A real failure inside the database, after the organization and the
      // account rows were inserted, on the very last write.
      await sql
        .raw(
          `create or replace function fail_doomed_membership() returns trigger
             language plpgsql security definer as $$
           begin
             if exists (select 1 from users where id = new.user_id
                         and email = '${doomedEmail}') then
               raise exception 'simulated failure';
             end if;
             return new;
           end $$`,
        )
        .execute(db.kysely);
      await sql`create trigger fail_doomed_membership before insert on memberships
        for each row execute function fail_doomed_membership()`.execute(
        db.kysely,
      );
    });

    afterAll(async () => {
      await sql`drop trigger fail_doomed_membership on memberships`.execute(
        db.kysely,
      );
      await sql`drop function fail_doomed_membership()`.execute(db.kysely);
    });

    it("leaves neither the organization nor the user behind", async () => {
      const response = await http.post("/api/auth/register").send({
        organizationName: "Doomed Org",
        name: "Doomed Founder",
        email: doomedEmail,
        password: "this will not stick",
      });

      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        error: {
          code: "internal",
          message: "Something went wrong on our side",
        },
      });
      const orgs = await db.kysely
        .selectFrom("organizations")
        .select("id")
        .where("name", "=", "Doomed Org")
        .execute();
      const users = await db.kysely
        .selectFrom("users")
        .select("id")
        .where("email", "=", doomedEmail)
        .execute();
      expect({ orgs, users }).toEqual({ orgs: [], users: [] });
    });
  });
});
