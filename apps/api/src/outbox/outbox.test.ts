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

describe("GET /api/dev/outbox", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  it("lists the organization's kept mail, newest first", async () => {
    const owner = await registerOrganization(http, {
      organizationName: "Soylent",
    });
    const first = await invite(http, owner, "member");
    const second = await invite(http, owner, "viewer");

    const response = await http
      .get("/api/dev/outbox")
      .set("Authorization", bearer(owner));

    expect(response.status).toBe(200);
    expect(response.body.messages).toEqual([
      {
        id: expect.any(String),
        to: second.email,
        subject: "Ada Owner invited you to Soylent on Ares",
        text: expect.stringContaining("/accept-invite?token="),
        createdAt: expect.any(String),
      },
      expect.objectContaining({ to: first.email }),
    ]);
  });

  it("never shows one organization's mail to another", async () => {
    const owner = await registerOrganization(http);
    const other = await registerOrganization(http);
    await invite(http, owner, "member");

    const response = await http
      .get("/api/dev/outbox")
      .set("Authorization", bearer(other));

    expect(response.status).toBe(200);
    expect(response.body.messages).toEqual([]);
  });

  it("shows at most the 50 newest messages", async () => {
    const owner = await registerOrganization(http);
    for (let minute = 0; minute < 55; minute += 1) {
      await sql`insert into email_outbox
          (id, organization_id, recipient, subject, text_body, html_body,
           created_at)
        values (${crypto.randomUUID()}, ${owner.organization.id},
          ${`n${minute}@example.test`}, 'Hello', 'Hi', '<p>Hi</p>',
          now() - make_interval(mins => ${minute}))`.execute(db.kysely);
    }

    const response = await http
      .get("/api/dev/outbox")
      .set("Authorization", bearer(owner));

    expect(response.body.messages).toHaveLength(50);
    expect(response.body.messages[0].to).toBe("n0@example.test");
    expect(response.body.messages[49].to).toBe("n49@example.test");
  });

  it("refuses a member with 403", async () => {
    const owner = await registerOrganization(http);
    const member = await joinByInvitation(http, owner, "member");

    const response = await http
      .get("/api/dev/outbox")
      .set("Authorization", bearer(member));

    expect(response.status).toBe(403);
  });

  it("answers 404 in production", async () => {
    const production = await testApp({ config: { env: "production" } });
    const owner = await registerOrganization(production.http);

    const response = await production.http
      .get("/api/dev/outbox")
      .set("Authorization", bearer(owner));

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});
