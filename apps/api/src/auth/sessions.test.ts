import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";
import type { Database } from "../db/database.js";

/** The refresh cookie a response set, as a Cookie header value. */
function refreshCookieOf(response: {
  headers: Record<string, unknown>;
}): string {
  const cookies = (response.headers["set-cookie"] ?? []) as string[];
  const cookie = cookies.find((value) => value.startsWith("ares_refresh="));
  if (!cookie) {
    throw new Error("no refresh cookie was set");
  }
  return cookie.split(";")[0]!;
}

describe("sessions", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  const me = (token: string) =>
    http.get("/api/me").set("Authorization", `Bearer ${token}`);

  async function signIn(email: string, password: string, delivery?: "body") {
    const response = await http
      .post("/api/auth/login")
      .send({ email, password, refreshTokenDelivery: delivery });
    expect(response.status).toBe(200);
    return response;
  }

  it("sets an httpOnly, SameSite=Strict refresh cookie scoped to /api/auth", async () => {
    const response = await http.post("/api/auth/register").send({
      organizationName: "Cookie Co",
      name: "Cora",
      email: uniqueEmail("cookie"),
      password: "a sturdy passphrase",
    });
    const cookie = (response.headers["set-cookie"] as unknown as string[])[0]!;
    expect(cookie).toMatch(/^ares_refresh=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(response.body).not.toHaveProperty("refreshToken");
  });

  it("rotates the refresh cookie and issues a working access token", async () => {
    const org = await registerOrganization(http);
    const login = await signIn(org.user.email, org.password);
    const cookie = refreshCookieOf(login);

    const refreshed = await http
      .post("/api/auth/refresh")
      .set("Cookie", cookie)
      .send({});
    expect(refreshed.status).toBe(200);
    expect(refreshCookieOf(refreshed)).not.toBe(cookie);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);
  });

  it("hands the refresh token to API clients in the body when asked", async () => {
    const org = await registerOrganization(http);
    const login = await signIn(org.user.email, org.password, "body");
    expect(login.headers["set-cookie"]).toBeUndefined();

    const refreshed = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
  });

  it("revokes the whole session when a used refresh token comes back", async () => {
    const org = await registerOrganization(http);
    const login = await signIn(org.user.email, org.password, "body");
    const stolen = login.body.refreshToken as string;
    const rotated = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: stolen });
    expect(rotated.status).toBe(200);
    await db.kysely
      .updateTable("refresh_tokens")
      .set({ used_at: new Date(Date.now() - 60_000) })
      .where("user_id", "=", org.user.id)
      .where("used_at", "is not", null)
      .execute();

    const replay = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: stolen });
    expect(replay.status).toBe(401);
    const owner = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: rotated.body.refreshToken });
    expect(owner.status).toBe(401);
    expect((await me(rotated.body.accessToken)).status).toBe(401);

    const events = await db.kysely
      .selectFrom("security_events")
      .select("type")
      .where("target_user_id", "=", org.user.id)
      .execute();
    expect(events.map((event) => event.type)).toContain(
      "session.refreshed_with_used_token",
    );
  });

  it("honours a token presented again within seconds, as a reload or a second tab would", async () => {
    const org = await registerOrganization(http);
    const login = await signIn(org.user.email, org.password, "body");
    const token = login.body.refreshToken as string;

    const first = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: token });
    const again = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: token });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((await me(first.body.accessToken)).status).toBe(200);
    expect((await me(again.body.accessToken)).status).toBe(200);
  });

  it("ends the session quietly when its refresh token has expired", async () => {
    const org = await registerOrganization(http);
    const login = await signIn(org.user.email, org.password, "body");
    await db.kysely
      .updateTable("refresh_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", org.user.id)
      .execute();

    const response = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: login.body.refreshToken });
    expect(response.status).toBe(401);
    const revoked = await db.kysely
      .selectFrom("sessions")
      .select("revoked_at")
      .where("user_id", "=", org.user.id)
      .execute();
    expect(revoked.every((session) => session.revoked_at === null)).toBe(true);
  });

  it("refuses an unknown or missing refresh token", async () => {
    expect((await http.post("/api/auth/refresh").send({})).status).toBe(401);
    const unknown = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: "not-a-real-token" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe("unauthenticated");
  });

  it("ends only this session on logout", async () => {
    const org = await registerOrganization(http);
    const other = await signIn(org.user.email, org.password);

    const logout = await http
      .post("/api/auth/logout")
      .set("Authorization", `Bearer ${org.accessToken}`);
    expect(logout.status).toBe(204);
    expect(logout.headers["set-cookie"]?.[0]).toMatch(/^ares_refresh=;/);
    expect((await me(org.accessToken)).status).toBe(401);
    expect((await me(other.body.accessToken)).status).toBe(200);
  });

  it("ends every session of the person on sign-out everywhere", async () => {
    const org = await registerOrganization(http);
    const laptop = await signIn(org.user.email, org.password, "body");
    const phone = await signIn(org.user.email, org.password);

    const response = await http
      .post("/api/auth/logout-all")
      .set("Authorization", `Bearer ${phone.body.accessToken}`);
    expect(response.status).toBe(204);
    expect((await me(org.accessToken)).status).toBe(401);
    expect((await me(laptop.body.accessToken)).status).toBe(401);
    const refresh = await http
      .post("/api/auth/refresh")
      .send({ refreshToken: laptop.body.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it("records successful and failed sign-ins", async () => {
    const org = await registerOrganization(http);
    await http
      .post("/api/auth/login")
      .set("X-Request-Id", "failed-sign-in")
      .send({ email: org.user.email, password: "wrong password here" });
    await signIn(org.user.email, org.password);

    const events = await db.kysely
      .selectFrom("security_events")
      .select(["type", "organization_id", "request_id", "ip", "details"])
      .where((eb) =>
        eb.or([
          eb("actor_user_id", "=", org.user.id),
          eb("request_id", "=", "failed-sign-in"),
        ]),
      )
      .orderBy("created_at")
      .execute();
    expect(events.map((event) => event.type)).toEqual([
      "organization.registered",
      "sign_in.failed",
      "sign_in.succeeded",
    ]);
    expect(events[1]).toMatchObject({
      organization_id: null,
      details: { email: org.user.email },
    });
    expect(events[1]!.ip).toEqual(expect.any(String));
    expect(events[2]!.organization_id).toBe(org.organization.id);
  });
});

describe("several organizations", () => {
  let http: TestHttp;
  let person: Awaited<ReturnType<typeof registerOrganization>>;
  let second: Awaited<ReturnType<typeof registerOrganization>>;

  beforeAll(async () => {
    ({ http } = await testApp());
    person = await registerOrganization(http, { organizationName: "Home Org" });
    second = await registerOrganization(http, {
      organizationName: "Other Org",
    });
    const db = await sharedTestDatabase();
    await db.kysely
      .insertInto("memberships")
      .values({
        tenant_id: second.organization.id,
        user_id: person.user.id,
        role: "viewer",
      })
      .execute();
  });

  it("lists the person's organizations and marks the current one", async () => {
    const response = await http
      .get("/api/auth/organizations")
      .set("Authorization", `Bearer ${person.accessToken}`);
    expect(response.status).toBe(200);
    expect(response.body.organizations).toEqual([
      expect.objectContaining({
        name: "Home Org",
        role: "owner",
        current: true,
        suspended: false,
      }),
      expect.objectContaining({
        name: "Other Org",
        role: "viewer",
        current: false,
      }),
    ]);
  });

  it("switches to another of them with a new token", async () => {
    const response = await http
      .post("/api/auth/switch")
      .set("Authorization", `Bearer ${person.accessToken}`)
      .send({ organizationId: second.organization.id });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      organization: { id: second.organization.id },
      role: "viewer",
    });
    const me = await http
      .get("/api/me")
      .set("Authorization", `Bearer ${response.body.accessToken}`);
    expect(me.body.organization.name).toBe("Other Org");
  });

  it("answers 404 for an organization the person is not in", async () => {
    const stranger = await registerOrganization(http);
    const response = await http
      .post("/api/auth/switch")
      .set("Authorization", `Bearer ${person.accessToken}`)
      .send({ organizationId: stranger.organization.id });
    expect(response.status).toBe(404);
  });
});
