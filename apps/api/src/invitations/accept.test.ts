import type { AuthResponse } from "@ares/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";
import { invite, outboxToken } from "../../test/members.js";
import type { Database } from "../db/database.js";

const bearer = (session: AuthResponse) => `Bearer ${session.accessToken}`;
const password = "a long and quiet river";

describe("accepting an invitation", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  /** A fresh organization with one invitation in it, and the link's token. */
  async function invitedTo(role: "admin" | "member" | "viewer" = "member") {
    const owner = await registerOrganization(http, {
      organizationName: "Globex",
      name: "Hank Scorpio",
    });
    const email = uniqueEmail("invitee");
    const { invitation } = await invite(http, owner, role, email);
    const token = await outboxToken(http, owner, email);
    return { owner, email, invitation, token };
  }

  function accountsWith(email: string) {
    return db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .execute();
  }

  describe("GET /api/invites/preview", () => {
    it("shows the organization, email, role and expiry to the link's holder", async () => {
      const { owner, email, token } = await invitedTo("admin");

      const response = await http.get("/api/invites/preview").query({ token });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        organization: { id: owner.organization.id, name: "Globex" },
        email,
        role: "admin",
        accountExists: false,
        expiresAt: expect.any(String),
      });
    });

    it("tells an existing account to sign in", async () => {
      const owner = await registerOrganization(http);
      const elsewhere = await registerOrganization(http);
      await invite(http, owner, "viewer", elsewhere.user.email);
      const token = await outboxToken(http, owner, elsewhere.user.email);

      const response = await http.get("/api/invites/preview").query({ token });

      expect(response.body.accountExists).toBe(true);
    });

    it("answers 404 for a tampered or made-up token", async () => {
      const { token } = await invitedTo();
      const last = token.at(-1) === "A" ? "B" : "A";
      const tampered = `${token.slice(0, -1)}${last}`;

      const answers = await Promise.all(
        [tampered, "made-up", `${token}x`].map((candidate) =>
          http.get("/api/invites/preview").query({ token: candidate }),
        ),
      );

      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(answer.body.error).toEqual({
          code: "not_found",
          message: "This invitation link is not valid",
        });
      }
    });

    it("answers 400 for a missing token and for extra parameters", async () => {
      const { token } = await invitedTo();

      const missing = await http.get("/api/invites/preview");
      const extra = await http
        .get("/api/invites/preview")
        .query({ token, role: "owner" });

      expect([missing.status, extra.status]).toEqual([400, 400]);
    });

    it("says plainly when the invitation has expired", async () => {
      const { invitation, token } = await invitedTo();
      await db.kysely
        .updateTable("invitations")
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where("id", "=", invitation.id)
        .execute();

      const preview = await http.get("/api/invites/preview").query({ token });
      const accept = await http
        .post("/api/invites/accept")
        .send({ token, name: "Late Larry", password });

      for (const answer of [preview, accept]) {
        expect(answer.status).toBe(400);
        expect(answer.body.error).toEqual({
          code: "bad_request",
          message: "This invitation has expired; ask for a new one",
        });
      }
    });
  });

  describe("POST /api/invites/accept by a new person", () => {
    it("creates the account and membership with the invited role, and signs in", async () => {
      const { owner, email, invitation, token } = await invitedTo("viewer");

      const response = await http
        .post("/api/invites/accept")
        .send({ token, name: "  Vera Viewer ", password });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        user: { email, name: "Vera Viewer" },
        organization: { id: owner.organization.id, name: "Globex" },
        role: "viewer",
        tokenType: "Bearer",
      });
      const me = await http
        .get("/api/me")
        .set("Authorization", bearer(response.body));
      expect(me.body).toMatchObject({
        organization: { id: owner.organization.id },
        role: "viewer",
      });
      const stored = await db.kysely
        .selectFrom("invitations")
        .select(["accepted_at", "accepted_by"])
        .where("id", "=", invitation.id)
        .executeTakeFirstOrThrow();
      expect(stored.accepted_by).toBe(response.body.user.id);
      const event = await db.kysely
        .selectFrom("security_events")
        .selectAll()
        .where("organization_id", "=", owner.organization.id)
        .where("type", "=", "invitation.accepted")
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({
        actor_user_id: response.body.user.id,
        details: { invitationId: invitation.id, role: "viewer" },
      });
    });

    it("gives a token that works on the organization's routes", async () => {
      const { owner, token } = await invitedTo("member");
      const accepted = await http
        .post("/api/invites/accept")
        .send({ token, name: "Mo Member", password })
        .expect(201);

      const members = await http
        .get("/api/members")
        .set("Authorization", bearer(accepted.body));

      expect(members.status).toBe(200);
      expect(members.body.members).toHaveLength(2);
      expect(members.body.members).toContainEqual(
        expect.objectContaining({ user: owner.user, role: "owner" }),
      );
    });

    it("hands the refresh token over in the body when asked", async () => {
      const { token } = await invitedTo();

      const response = await http.post("/api/invites/accept").send({
        token,
        name: "Api Client",
        password,
        refreshTokenDelivery: "body",
      });

      expect(response.status).toBe(201);
      expect(response.body.refreshToken).toEqual(expect.any(String));
    });

    it("requires a name, and creates nothing without one", async () => {
      const { email, token } = await invitedTo();

      const response = await http
        .post("/api/invites/accept")
        .send({ token, password });

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: "validation_failed",
        details: [{ path: "name" }],
      });
      expect(await accountsWith(email)).toEqual([]);
      const retry = await http
        .post("/api/invites/accept")
        .send({ token, name: "Second Try", password });
      expect(retry.status).toBe(201);
    });

    it("holds a new password to the sign-up rules", async () => {
      const { token } = await invitedTo();

      const short = await http
        .post("/api/invites/accept")
        .send({ token, name: "Sam Short", password: "short" });
      const common = await http
        .post("/api/invites/accept")
        .send({ token, name: "Cam Common", password: "password123" });

      expect(short.status).toBe(400);
      expect(short.body.error.details).toEqual([
        { path: "password", message: "Use at least 10 characters" },
      ]);
      expect(common.status).toBe(400);
      expect(common.body.error.details).toEqual([
        expect.objectContaining({ path: "password" }),
      ]);
    });

    it("refuses a second use of the same link", async () => {
      const { token } = await invitedTo();
      await http
        .post("/api/invites/accept")
        .send({ token, name: "First Fay", password })
        .expect(201);

      const again = await http
        .post("/api/invites/accept")
        .send({ token, name: "Second Sid", password });

      expect(again.status).toBe(400);
      expect(again.body.error.message).toMatch(/already been used/);
    });

    it("lets only one of two simultaneous accepts succeed", async () => {
      const { email, token } = await invitedTo();

      const answers = await Promise.all(
        ["Racer One", "Racer Two"].map((name) =>
          http.post("/api/invites/accept").send({ token, name, password }),
        ),
      );

      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400]);
      expect(await accountsWith(email)).toHaveLength(1);
    });

    it("refuses a withdrawn invitation", async () => {
      const { owner, invitation, token } = await invitedTo();
      await http
        .delete(`/api/invites/${invitation.id}`)
        .set("Authorization", bearer(owner))
        .expect(204);

      const response = await http
        .post("/api/invites/accept")
        .send({ token, name: "Too Late", password });

      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/withdrawn/);
    });

    it("lets the invitee choose neither the organization nor the role", async () => {
      const { owner, token } = await invitedTo("viewer");
      const other = await registerOrganization(http);

      const response = await http.post("/api/invites/accept").send({
        token,
        name: "Greedy Greg",
        password,
        role: "owner",
        organizationId: other.organization.id,
      });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
      const preview = await http.get("/api/invites/preview").query({ token });
      expect(preview.body).toMatchObject({
        organization: { id: owner.organization.id },
        role: "viewer",
      });
    });
  });

  describe("POST /api/invites/accept by an existing account", () => {
    it("adds the membership when the account's password is given", async () => {
      const owner = await registerOrganization(http, {
        organizationName: "Initrode",
      });
      const person = await registerOrganization(http);
      await invite(http, owner, "admin", person.user.email);
      const token = await outboxToken(http, owner, person.user.email);

      const response = await http
        .post("/api/invites/accept")
        .send({ token, name: "Ignored Name", password: person.password });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        user: { id: person.user.id, name: person.user.name },
        organization: { id: owner.organization.id, name: "Initrode" },
        role: "admin",
      });
      const organizations = await http
        .get("/api/auth/organizations")
        .set("Authorization", bearer(response.body));
      expect(
        organizations.body.organizations.map(
          (organization: { id: string; role: string }) => [
            organization.id,
            organization.role,
          ],
        ),
      ).toEqual(
        expect.arrayContaining([
          [owner.organization.id, "admin"],
          [person.organization.id, "owner"],
        ]),
      );
    });

    it("answers 401 for a wrong password and adds no membership", async () => {
      const owner = await registerOrganization(http);
      const person = await registerOrganization(http);
      await invite(http, owner, "member", person.user.email);
      const token = await outboxToken(http, owner, person.user.email);

      const response = await http
        .post("/api/invites/accept")
        .send({ token, password: "not the password at all" });

      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("unauthenticated");
      const memberships = await db.kysely
        .selectFrom("memberships")
        .select("tenant_id")
        .where("user_id", "=", person.user.id)
        .execute();
      expect(memberships).toEqual([{ tenant_id: person.organization.id }]);
      const preview = await http.get("/api/invites/preview").query({ token });
      expect(preview.status).toBe(200);
    });

    it("answers 409 when the account became a member meanwhile", async () => {
      const owner = await registerOrganization(http);
      const person = await registerOrganization(http);
      await invite(http, owner, "member", person.user.email);
      const token = await outboxToken(http, owner, person.user.email);
      await db.kysely
        .insertInto("memberships")
        .values({
          tenant_id: owner.organization.id,
          user_id: person.user.id,
          role: "viewer",
        })
        .execute();

      const response = await http
        .post("/api/invites/accept")
        .send({ token, password: person.password });

      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("conflict");
    });
  });
});
