import crypto from "node:crypto";
import type { AuthResponse } from "@ares/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";
import { joinByInvitation, invite, outboxToken } from "../../test/members.js";
import { hashToken } from "../auth/secrets.js";
import type { Database } from "../db/database.js";

const bearer = (session: AuthResponse) => `Bearer ${session.accessToken}`;

describe("managing invitations", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  function expireInvitation(id: string) {
    return db.kysely
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("id", "=", id)
      .execute();
  }

  function storedInvitation(id: string) {
    return db.kysely
      .selectFrom("invitations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  }

  describe("POST /api/invites", () => {
    it("creates a pending invitation and keeps its email in the outbox", async () => {
      const owner = await registerOrganization(http);
      const email = uniqueEmail("Invitee").toUpperCase();

      const response = await http
        .post("/api/invites")
        .set("Authorization", bearer(owner))
        .send({ email, role: "member" });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email: email.toLowerCase(),
        role: "member",
        status: "pending",
        invitedBy: owner.user,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        lastSentAt: expect.any(String),
      });
      const lifetime =
        Date.parse(response.body.expiresAt) -
        Date.parse(response.body.createdAt);
      expect(lifetime / 86_400_000).toBeCloseTo(7, 2);
      const token = await outboxToken(http, owner, email.toLowerCase());
      const stored = await storedInvitation(response.body.id);
      expect(stored.token_hash).toBe(hashToken(token));
      expect(JSON.stringify(stored)).not.toContain(token);
    });

    it("records who sent the invitation", async () => {
      const owner = await registerOrganization(http);

      const { invitation } = await invite(http, owner, "viewer");

      const event = await db.kysely
        .selectFrom("security_events")
        .selectAll()
        .where("organization_id", "=", owner.organization.id)
        .where("type", "=", "invitation.sent")
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({
        actor_user_id: owner.user.id,
        details: { invitationId: invitation.id, role: "viewer" },
      });
    });

    it("answers 409 when the person is already a member", async () => {
      const owner = await registerOrganization(http);
      const member = await joinByInvitation(http, owner, "member");

      const response = await http
        .post("/api/invites")
        .set("Authorization", bearer(owner))
        .send({ email: member.user.email, role: "admin" });

      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        code: "conflict",
        details: [{ path: "email" }],
      });
    });

    it("answers 409 when a pending invitation to the address exists", async () => {
      const owner = await registerOrganization(http);
      const { email } = await invite(http, owner, "member");

      const response = await http
        .post("/api/invites")
        .set("Authorization", bearer(owner))
        .send({ email, role: "viewer" });

      expect(response.status).toBe(409);
      expect(response.body.error.message).toMatch(/pending invitation/);
    });

    it("replaces an expired invitation with a new one", async () => {
      const owner = await registerOrganization(http);
      const first = await invite(http, owner, "member");
      await expireInvitation(first.invitation.id);

      const response = await http
        .post("/api/invites")
        .set("Authorization", bearer(owner))
        .send({ email: first.email, role: "viewer" });

      expect(response.status).toBe(201);
      expect(response.body.status).toBe("pending");
      const replaced = await storedInvitation(first.invitation.id);
      expect(replaced.revoked_at).not.toBeNull();
    });

    it("lets the same address be invited to two organizations", async () => {
      const first = await registerOrganization(http);
      const second = await registerOrganization(http);
      const { email } = await invite(http, first, "member");

      const response = await http
        .post("/api/invites")
        .set("Authorization", bearer(second))
        .send({ email, role: "member" });

      expect(response.status).toBe(201);
    });

    it("refuses members and viewers with 403", async () => {
      const owner = await registerOrganization(http);
      const member = await joinByInvitation(http, owner, "member");
      const viewer = await joinByInvitation(http, owner, "viewer");

      const answers = await Promise.all(
        [member, viewer].map((session) =>
          http
            .post("/api/invites")
            .set("Authorization", bearer(session))
            .send({ email: uniqueEmail(), role: "viewer" }),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual([403, 403]);
      expect(answers[0]?.body.error.message).toMatch(/only admins/i);
    });

    it("lets an admin invite an admin but not an owner", async () => {
      const owner = await registerOrganization(http);
      const admin = await joinByInvitation(http, owner, "admin");

      const asOwner = await http
        .post("/api/invites")
        .set("Authorization", bearer(admin))
        .send({ email: uniqueEmail(), role: "owner" });
      const asAdmin = await http
        .post("/api/invites")
        .set("Authorization", bearer(admin))
        .send({ email: uniqueEmail(), role: "admin" });

      expect(asOwner.status).toBe(403);
      expect(asOwner.body.error.message).toMatch(/above your own/);
      expect(asAdmin.status).toBe(201);
    });

    it("lists every invalid field", async () => {
      const owner = await registerOrganization(http);

      const response = await http
        .post("/api/invites")
        .set("Authorization", bearer(owner))
        .send({ email: "nope", role: "superuser", organizationId: "x" });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
      const paths = response.body.error.details.map(
        (detail: { path: string }) => detail.path,
      );
      expect(paths.sort()).toEqual(["", "email", "role"]);
    });
  });

  describe("GET /api/invites", () => {
    it("lists the organization's invitations newest first, each with its status", async () => {
      const owner = await registerOrganization(http);
      const accepted = await invite(http, owner, "member");
      const token = await outboxToken(http, owner, accepted.email);
      await http
        .post("/api/invites/accept")
        .send({
          token,
          name: "Al Accepted",
          password: "a long and quiet river",
        })
        .expect(201);
      const revoked = await invite(http, owner, "member");
      await http
        .delete(`/api/invites/${revoked.invitation.id}`)
        .set("Authorization", bearer(owner))
        .expect(204);
      const expired = await invite(http, owner, "viewer");
      await expireInvitation(expired.invitation.id);
      const pending = await invite(http, owner, "admin");

      const response = await http
        .get("/api/invites")
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(200);
      expect(
        response.body.invitations.map(
          (invitation: { email: string; status: string }) => [
            invitation.email,
            invitation.status,
          ],
        ),
      ).toEqual([
        [pending.email, "pending"],
        [expired.email, "expired"],
        [revoked.email, "revoked"],
        [accepted.email, "accepted"],
      ]);
    });

    it("pages through invitations with a cursor", async () => {
      const owner = await registerOrganization(http);
      const sent = [];
      for (let i = 0; i < 3; i += 1) {
        sent.push(await invite(http, owner, "member"));
      }
      const emailsOf = (page: { body: { invitations: { email: string }[] } }) =>
        page.body.invitations.map((invitation) => invitation.email);

      const first = await http
        .get("/api/invites")
        .query({ limit: 2 })
        .set("Authorization", bearer(owner));
      const second = await http
        .get("/api/invites")
        .query({ limit: 2, cursor: first.body.nextCursor })
        .set("Authorization", bearer(owner));
      const forged = await http
        .get("/api/invites")
        .query({ cursor: "not-a-cursor" })
        .set("Authorization", bearer(owner));

      expect(emailsOf(first)).toEqual([sent[2]?.email, sent[1]?.email]);
      expect(emailsOf(second)).toEqual([sent[0]?.email]);
      expect(second.body.nextCursor).toBeNull();
      expect(forged.status).toBe(400);
    });

    it("never shows another organization's invitations", async () => {
      const owner = await registerOrganization(http);
      const other = await registerOrganization(http);
      await invite(http, other, "member");

      const response = await http
        .get("/api/invites")
        .set("Authorization", bearer(owner));

      expect(response.body.invitations).toEqual([]);
    });

    it("refuses a member with 403", async () => {
      const owner = await registerOrganization(http);
      const member = await joinByInvitation(http, owner, "member");

      const response = await http
        .get("/api/invites")
        .set("Authorization", bearer(member));

      expect(response.status).toBe(403);
    });
  });

  describe("DELETE /api/invites/:id", () => {
    it("withdraws an invitation, whose link then stops working", async () => {
      const owner = await registerOrganization(http);
      const { email, invitation } = await invite(http, owner, "member");
      const token = await outboxToken(http, owner, email);

      const response = await http
        .delete(`/api/invites/${invitation.id}`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(204);
      const preview = await http.get("/api/invites/preview").query({ token });
      expect(preview.status).toBe(400);
      expect(preview.body.error.message).toMatch(/withdrawn/);
      const event = await db.kysely
        .selectFrom("security_events")
        .select("details")
        .where("organization_id", "=", owner.organization.id)
        .where("type", "=", "invitation.revoked")
        .executeTakeFirstOrThrow();
      expect(event.details).toEqual({ invitationId: invitation.id });
    });

    it("answers 404 for an unknown id and for another organization's invitation", async () => {
      const owner = await registerOrganization(http);
      const other = await registerOrganization(http);
      const theirs = await invite(http, other, "member");

      const answers = await Promise.all(
        [crypto.randomUUID(), theirs.invitation.id].map((id) =>
          http.delete(`/api/invites/${id}`).set("Authorization", bearer(owner)),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual([404, 404]);
      expect(answers[0]?.body).toEqual(answers[1]?.body);
      const stored = await storedInvitation(theirs.invitation.id);
      expect(stored.revoked_at).toBeNull();
    });

    it("answers 409 for an accepted invitation", async () => {
      const owner = await registerOrganization(http);
      const { email, invitation } = await invite(http, owner, "member");
      const token = await outboxToken(http, owner, email);
      await http
        .post("/api/invites/accept")
        .send({
          token,
          name: "Al Accepted",
          password: "a long and quiet river",
        })
        .expect(201);

      const response = await http
        .delete(`/api/invites/${invitation.id}`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("conflict");
    });

    it("refuses a viewer with 403 and a malformed id with 400", async () => {
      const owner = await registerOrganization(http);
      const viewer = await joinByInvitation(http, owner, "viewer");
      const { invitation } = await invite(http, owner, "member");

      const byViewer = await http
        .delete(`/api/invites/${invitation.id}`)
        .set("Authorization", bearer(viewer));
      const malformed = await http
        .delete("/api/invites/not-an-id")
        .set("Authorization", bearer(owner));

      expect(byViewer.status).toBe(403);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details).toEqual([
        expect.objectContaining({ path: "id" }),
      ]);
    });
  });

  describe("POST /api/invites/:id/resend", () => {
    it("sends a new link, and the old one stops working", async () => {
      const owner = await registerOrganization(http);
      const { email, invitation } = await invite(http, owner, "member");
      const oldToken = await outboxToken(http, owner, email);
      const before = await storedInvitation(invitation.id);

      const response = await http
        .post(`/api/invites/${invitation.id}/resend`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: invitation.id,
        status: "pending",
      });
      const newToken = await outboxToken(http, owner, email);
      expect(newToken).not.toBe(oldToken);
      const after = await storedInvitation(invitation.id);
      expect(after.send_count).toBe(2);
      expect(after.last_sent_at.getTime()).toBeGreaterThan(
        before.last_sent_at.getTime(),
      );
      const old = await http
        .get("/api/invites/preview")
        .query({ token: oldToken });
      const current = await http
        .get("/api/invites/preview")
        .query({ token: newToken });
      expect([old.status, current.status]).toEqual([404, 200]);
    });

    it("revives an expired invitation with a new expiry", async () => {
      const owner = await registerOrganization(http);
      const { invitation } = await invite(http, owner, "viewer");
      await expireInvitation(invitation.id);

      const response = await http
        .post(`/api/invites/${invitation.id}/resend`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(200);
      expect(response.body.status).toBe("pending");
      expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(
        Date.now() + 6 * 86_400_000,
      );
      const event = await db.kysely
        .selectFrom("security_events")
        .select("actor_user_id")
        .where("organization_id", "=", owner.organization.id)
        .where("type", "=", "invitation.resent")
        .executeTakeFirstOrThrow();
      expect(event.actor_user_id).toBe(owner.user.id);
    });

    it("answers 409 for a withdrawn invitation", async () => {
      const owner = await registerOrganization(http);
      const { invitation } = await invite(http, owner, "viewer");
      await http
        .delete(`/api/invites/${invitation.id}`)
        .set("Authorization", bearer(owner))
        .expect(204);

      const response = await http
        .post(`/api/invites/${invitation.id}/resend`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(409);
    });

    it("answers 404 for another organization's invitation and sends nothing", async () => {
      const owner = await registerOrganization(http);
      const other = await registerOrganization(http);
      const theirs = await invite(http, other, "member");

      const response = await http
        .post(`/api/invites/${theirs.invitation.id}/resend`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(404);
      const stored = await storedInvitation(theirs.invitation.id);
      expect(stored.send_count).toBe(1);
    });

    it("refuses a member with 403", async () => {
      const owner = await registerOrganization(http);
      const member = await joinByInvitation(http, owner, "member");
      const { invitation } = await invite(http, owner, "viewer");

      const response = await http
        .post(`/api/invites/${invitation.id}/resend`)
        .set("Authorization", bearer(member));

      expect(response.status).toBe(403);
    });
  });
});
