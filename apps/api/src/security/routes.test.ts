import crypto from "node:crypto";
import type { AuthResponse } from "@ares/contracts";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  type TestHttp,
} from "../../test/harness.js";
import { joinByInvitation, invite } from "../../test/members.js";
import type { Database } from "../db/database.js";

const bearer = (session: AuthResponse) => `Bearer ${session.accessToken}`;

interface Page {
  events: { id: string; type: string; actor: { id: string } | null }[];
  nextCursor: string | null;
}

describe("GET /api/security-events", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  async function page(session: AuthResponse, query: Record<string, unknown>) {
    const response = await http
      .get("/api/security-events")
      .set("Authorization", bearer(session))
      .query(query);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Page;
  }

  async function everyPage(session: AuthResponse, limit: number) {
    const seen: Page["events"] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(
        session,
        cursor ? { limit, cursor } : { limit },
      );
      seen.push(...next.events);
      cursor = next.nextCursor;
    } while (cursor);
    return seen;
  }

  it("shows sign-ins, invitations and role changes, newest first, with their actor", async () => {
    const owner = await registerOrganization(http);
    await http
      .post("/api/auth/login")
      .send({ email: owner.user.email, password: owner.password })
      .expect(200);
    const member = await joinByInvitation(http, owner, "member");
    await http
      .patch(`/api/members/${member.user.id}`)
      .set("Authorization", bearer(owner))
      .send({ role: "admin" })
      .expect(200);

    const { events, nextCursor } = await page(owner, {});

    expect(nextCursor).toBeNull();
    expect(events.map((event) => event.type)).toEqual([
      "member.role_changed",
      "invitation.accepted",
      "invitation.sent",
      "sign_in.succeeded",
      "organization.registered",
    ]);
    expect(events[0]).toEqual({
      id: expect.any(String),
      type: "member.role_changed",
      actor: owner.user,
      targetUserId: member.user.id,
      ip: expect.any(String),
      requestId: expect.any(String),
      details: { from: "member", to: "admin" },
      at: expect.any(String),
    });
    expect(events[1]?.actor).toEqual(member.user);
  });

  it("never shows another organization's events", async () => {
    const owner = await registerOrganization(http);
    const other = await registerOrganization(http);
    await invite(http, other, "member");

    const { events } = await page(owner, {});

    expect(events.map((event) => event.type)).toEqual([
      "organization.registered",
    ]);
  });

  it("pages through every event exactly once", async () => {
    const owner = await registerOrganization(http);
    for (let count = 0; count < 4; count += 1) {
      await invite(http, owner, "viewer");
    }
    const all = (await page(owner, { limit: 100 })).events;

    const paged = await everyPage(owner, 2);

    expect(all).toHaveLength(5);
    expect(paged.map((event) => event.id)).toEqual(
      all.map((event) => event.id),
    );
  });

  it("keeps events apart that are microseconds apart or share a time", async () => {
    const owner = await registerOrganization(http);
    const base = "2030-01-01T00:00:00.000";
    for (const micros of ["100", "100", "100", "400", "900", "900"]) {
      await sql`insert into security_events (id, organization_id, type, created_at)
        values (${crypto.randomUUID()}, ${owner.organization.id}, 'test.tick',
                ${`${base}${micros}Z`}::timestamptz)`.execute(db.kysely);
    }
    const all = (await page(owner, { limit: 100 })).events;

    const paged = await everyPage(owner, 1);

    expect(all).toHaveLength(7);
    expect(paged.map((event) => event.id)).toEqual(
      all.map((event) => event.id),
    );
  });

  it("answers 400 for a malformed cursor or limit", async () => {
    const owner = await registerOrganization(http);
    const forged = Buffer.from("not|a|cursor").toString("base64url");

    const answers = await Promise.all(
      [{ cursor: "%%%" }, { cursor: forged }, { limit: 0 }, { limit: 101 }].map(
        (query) =>
          http
            .get("/api/security-events")
            .set("Authorization", bearer(owner))
            .query(query),
      ),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("validation_failed");
    }
  });

  it("refuses a member with 403", async () => {
    const owner = await registerOrganization(http);
    const member = await joinByInvitation(http, owner, "member");

    const response = await http
      .get("/api/security-events")
      .set("Authorization", bearer(member));

    expect(response.status).toBe(403);
  });
});
