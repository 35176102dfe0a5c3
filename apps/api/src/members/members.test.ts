import crypto from "node:crypto";
import type { AuthResponse } from "@ares/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  type TestHttp,
} from "../../test/harness.js";
import { joinByInvitation } from "../../test/members.js";
import type { Database } from "../db/database.js";

const bearer = (session: AuthResponse) => `Bearer ${session.accessToken}`;

describe("members", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  async function eventsOf(organizationId: string, type: string) {
    return db.kysely
      .selectFrom("security_events")
      .selectAll()
      .where("organization_id", "=", organizationId)
      .where("type", "=", type)
      .execute();
  }

  describe("GET /api/members", () => {
    it("lists the organization's members by name, with role and join date", async () => {
      const owner = await registerOrganization(http, { name: "Mia Owner" });
      await joinByInvitation(http, owner, "viewer", "Zed Viewer");
      await joinByInvitation(http, owner, "admin", "Bea Admin");

      const response = await http
        .get("/api/members")
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(200);
      expect(response.body.members).toEqual([
        {
          user: expect.objectContaining({ name: "Bea Admin" }),
          role: "admin",
          joinedAt: expect.any(String),
        },
        { user: owner.user, role: "owner", joinedAt: expect.any(String) },
        {
          user: expect.objectContaining({ name: "Zed Viewer" }),
          role: "viewer",
          joinedAt: expect.any(String),
        },
      ]);
    });

    it("shows a viewer the members of their own organization only", async () => {
      const owner = await registerOrganization(http);
      const viewer = await joinByInvitation(http, owner, "viewer");
      await registerOrganization(http, { name: "Outsider Owen" });

      const response = await http
        .get("/api/members")
        .set("Authorization", bearer(viewer));

      expect(response.status).toBe(200);
      const ids = response.body.members.map(
        (member: { user: { id: string } }) => member.user.id,
      );
      expect(ids.sort()).toEqual([owner.user.id, viewer.user.id].sort());
    });

    it("answers 401 without a token", async () => {
      const response = await http.get("/api/members");
      expect(response.status).toBe(401);
    });
  });

  describe("PATCH /api/members/:userId", () => {
    it("changes a role, records it, and the member's next request sees it", async () => {
      const owner = await registerOrganization(http);
      const admin = await joinByInvitation(http, owner, "admin");

      const response = await http
        .patch(`/api/members/${admin.user.id}`)
        .set("Authorization", bearer(owner))
        .send({ role: "viewer" });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        user: admin.user,
        role: "viewer",
        joinedAt: expect.any(String),
      });
      const me = await http.get("/api/me").set("Authorization", bearer(admin));
      expect(me.body.role).toBe("viewer");
      const demotedInvite = await http
        .post("/api/invites")
        .set("Authorization", bearer(admin))
        .send({ email: "someone@example.test", role: "viewer" });
      expect(demotedInvite.status).toBe(403);
      const [event] = await eventsOf(
        owner.organization.id,
        "member.role_changed",
      );
      expect(event).toMatchObject({
        actor_user_id: owner.user.id,
        target_user_id: admin.user.id,
        details: { from: "admin", to: "viewer" },
      });
    });

    it("refuses to let anyone grant a role above their own", async () => {
      const owner = await registerOrganization(http);
      const admin = await joinByInvitation(http, owner, "admin");
      const member = await joinByInvitation(http, owner, "member");

      const response = await http
        .patch(`/api/members/${member.user.id}`)
        .set("Authorization", bearer(admin))
        .send({ role: "owner" });

      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    });

    it("refuses an admin changing an owner's role", async () => {
      const owner = await registerOrganization(http);
      const admin = await joinByInvitation(http, owner, "admin");

      const response = await http
        .patch(`/api/members/${owner.user.id}`)
        .set("Authorization", bearer(admin))
        .send({ role: "member" });

      expect(response.status).toBe(403);
    });

    it("refuses members and viewers changing roles", async () => {
      const owner = await registerOrganization(http);
      const member = await joinByInvitation(http, owner, "member");
      const viewer = await joinByInvitation(http, owner, "viewer");

      const byMember = await http
        .patch(`/api/members/${viewer.user.id}`)
        .set("Authorization", bearer(member))
        .send({ role: "member" });
      const byViewer = await http
        .patch(`/api/members/${viewer.user.id}`)
        .set("Authorization", bearer(viewer))
        .send({ role: "member" });

      expect([byMember.status, byViewer.status]).toEqual([403, 403]);
    });

    it("refuses to demote the last owner", async () => {
      const owner = await registerOrganization(http);

      const response = await http
        .patch(`/api/members/${owner.user.id}`)
        .set("Authorization", bearer(owner))
        .send({ role: "admin" });

      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/last owner/);
    });

    it("never leaves an organization without an owner when two owners step down at once", async () => {
      const first = await registerOrganization(http);
      const second = await joinByInvitation(http, first, "owner");

      const answers = await Promise.all(
        [first, second].map((owner) =>
          http
            .patch(`/api/members/${owner.user.id}`)
            .set("Authorization", bearer(owner))
            .send({ role: "admin" }),
        ),
      );

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403]);
      const owners = await db.kysely
        .selectFrom("memberships")
        .select("user_id")
        .where("tenant_id", "=", first.organization.id)
        .where("role", "=", "owner")
        .execute();
      expect(owners).toHaveLength(1);
    });

    it("answers 404 for an unknown user and for another organization's member", async () => {
      const owner = await registerOrganization(http);
      const stranger = await registerOrganization(http);

      const answers = await Promise.all(
        [crypto.randomUUID(), stranger.user.id].map((userId) =>
          http
            .patch(`/api/members/${userId}`)
            .set("Authorization", bearer(owner))
            .send({ role: "viewer" }),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual([404, 404]);
      expect(answers[0]?.body).toEqual(answers[1]?.body);
      const me = await http
        .get("/api/me")
        .set("Authorization", bearer(stranger));
      expect(me.body.role).toBe("owner");
    });

    it("answers 400 for a malformed id or role", async () => {
      const owner = await registerOrganization(http);

      const badId = await http
        .patch("/api/members/not-a-uuid")
        .set("Authorization", bearer(owner))
        .send({ role: "viewer" });
      const badRole = await http
        .patch(`/api/members/${owner.user.id}`)
        .set("Authorization", bearer(owner))
        .send({ role: "emperor" });

      expect(badId.status).toBe(400);
      expect(badId.body.error).toMatchObject({
        code: "validation_failed",
        details: [{ path: "userId" }],
      });
      expect(badRole.status).toBe(400);
      expect(badRole.body.error.details).toEqual([
        expect.objectContaining({ path: "role" }),
      ]);
    });
  });

  describe("DELETE /api/members/:userId", () => {
    it("removes a member, whose unexpired token is refused on the next request", async () => {
      const owner = await registerOrganization(http);
      const member = await joinByInvitation(http, owner, "member");
      const before = await http
        .get("/api/me")
        .set("Authorization", bearer(member));
      expect(before.status).toBe(200);

      const response = await http
        .delete(`/api/members/${member.user.id}`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(204);
      const after = await http
        .get("/api/me")
        .set("Authorization", bearer(member));
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe("unauthenticated");
      const [event] = await eventsOf(owner.organization.id, "member.removed");
      expect(event).toMatchObject({
        actor_user_id: owner.user.id,
        target_user_id: member.user.id,
      });
    });

    it("lets a member leave, recorded as leaving", async () => {
      const owner = await registerOrganization(http);
      const viewer = await joinByInvitation(http, owner, "viewer");

      const response = await http
        .delete(`/api/members/${viewer.user.id}`)
        .set("Authorization", bearer(viewer));

      expect(response.status).toBe(204);
      const [event] = await eventsOf(owner.organization.id, "member.left");
      expect(event).toMatchObject({
        actor_user_id: viewer.user.id,
        target_user_id: viewer.user.id,
      });
      const list = await http
        .get("/api/members")
        .set("Authorization", bearer(owner));
      expect(list.body.members).toHaveLength(1);
    });

    it("refuses to let the last owner leave", async () => {
      const owner = await registerOrganization(http);

      const response = await http
        .delete(`/api/members/${owner.user.id}`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/last owner/);
    });

    it("lets an owner leave while another owner remains", async () => {
      const owner = await registerOrganization(http);
      await joinByInvitation(http, owner, "owner");

      const response = await http
        .delete(`/api/members/${owner.user.id}`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(204);
    });

    it("refuses an admin removing an owner, and a member removing anyone", async () => {
      const owner = await registerOrganization(http);
      const admin = await joinByInvitation(http, owner, "admin");
      const member = await joinByInvitation(http, owner, "member");
      const viewer = await joinByInvitation(http, owner, "viewer");

      const byAdmin = await http
        .delete(`/api/members/${owner.user.id}`)
        .set("Authorization", bearer(admin));
      const byMember = await http
        .delete(`/api/members/${viewer.user.id}`)
        .set("Authorization", bearer(member));

      expect([byAdmin.status, byMember.status]).toEqual([403, 403]);
    });

    it("answers 404 for another organization's member and leaves them be", async () => {
      const owner = await registerOrganization(http);
      const stranger = await registerOrganization(http);

      const response = await http
        .delete(`/api/members/${stranger.user.id}`)
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found");
      const me = await http
        .get("/api/me")
        .set("Authorization", bearer(stranger));
      expect(me.status).toBe(200);
    });

    it("answers 400 for a malformed id", async () => {
      const owner = await registerOrganization(http);

      const response = await http
        .delete("/api/members/123")
        .set("Authorization", bearer(owner));

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
    });
  });
});
