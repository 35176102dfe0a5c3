import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  addMember,
  as,
  buildOrganization,
  buildWorkspace,
  type Person,
} from "../../test/factories.js";
import { recordingSink, testApp, type TestHttp } from "../../test/harness.js";
import { invite, outboxToken } from "../../test/members.js";
import type { Services } from "../services.js";
import { reinstateOrganization, suspendOrganization } from "./suspension.js";

const suspendedAnswer = {
  error: {
    code: "organization_suspended",
    message: "This organization is suspended",
  },
};

describe("organization suspension", () => {
  let http: TestHttp;
  let services: Services;

  beforeAll(async () => {
    ({ http, services } = await testApp());
  });

  const suspend = (person: Person, reason = "Unpaid invoices") =>
    suspendOrganization(services, person.organization.id, { reason });
  const reinstate = (person: Person) =>
    reinstateOrganization(services, person.organization.id);

  const login = (
    person: Person,
    extra: { organizationId?: string; refreshTokenDelivery?: "body" } = {},
  ) =>
    http
      .post("/api/auth/login")
      .send({ email: person.user.email, password: person.password, ...extra });

  describe("for its members", () => {
    it("refuses every member's next request with 403 organization_suspended, though their tokens are unexpired", async () => {
      const owner = await buildOrganization(http);
      const member = await addMember(http, owner, { role: "member" });
      expect((await as(http, member).get("/api/me")).status).toBe(200);

      await suspend(owner);

      for (const person of [owner, member]) {
        const response = await as(http, person).get("/api/me");
        expect(response.status).toBe(403);
        expect(response.body).toEqual(suspendedAnswer);
      }
      const write = await as(http, owner).post("/api/workspaces", {
        name: "Too late",
      });
      expect(write.status).toBe(403);
    });

    it("refuses signing in to it when it is the person's only organization", async () => {
      const owner = await buildOrganization(http);
      await suspend(owner);

      const response = await login(owner);
      expect(response.status).toBe(403);
      expect(response.body).toEqual(suspendedAnswer);
    });

    it("refuses a refresh, and honours the same refresh token once reinstated", async () => {
      const owner = await buildOrganization(http);
      const signedIn = await login(owner, { refreshTokenDelivery: "body" });
      const refreshToken = signedIn.body.refreshToken as string;
      await suspend(owner);

      const refused = await http
        .post("/api/auth/refresh")
        .send({ refreshToken });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(suspendedAnswer);
      // Past the grace for retries, a token the refused refresh had
      // claimed would now read as a replay and end the session.
      const { kysely } = await sharedTestDatabase();
      await kysely
        .updateTable("refresh_tokens")
        .set({ used_at: new Date(Date.now() - 60_000) })
        .where("user_id", "=", owner.user.id)
        .where("used_at", "is not", null)
        .execute();

      await reinstate(owner);
      const refreshed = await http
        .post("/api/auth/refresh")
        .send({ refreshToken });
      expect(refreshed.status).toBe(200);
    });

    it("refuses to preview or accept an invitation to it", async () => {
      const owner = await buildOrganization(http);
      const { email } = await invite(http, owner, "member");
      const token = await outboxToken(http, owner, email);
      await suspend(owner);

      const preview = await http.get("/api/invites/preview").query({ token });
      expect(preview.status).toBe(403);
      expect(preview.body).toEqual(suspendedAnswer);
      const accept = await http.post("/api/invites/accept").send({
        token,
        name: "Late Comer",
        password: "a long and quiet river",
      });
      expect(accept.status).toBe(403);
      expect(accept.body).toEqual(suspendedAnswer);
    });
  });

  describe("for a person in two organizations", () => {
    /** A person in `kept` who also belongs to `closed` and last used it. */
    async function personInTwo() {
      const person = await buildOrganization(http, {
        organizationName: "Kept",
      });
      const closed = await buildOrganization(http, {
        organizationName: "Closed",
      });
      const { kysely } = await sharedTestDatabase();
      await kysely
        .insertInto("memberships")
        .values({
          tenant_id: closed.organization.id,
          user_id: person.user.id,
          role: "member",
        })
        .execute();
      const entered = await login(person, {
        organizationId: closed.organization.id,
      });
      expect(entered.status).toBe(200);
      return { person, closed };
    }

    it("signs them in to their open organization, though they used the suspended one last", async () => {
      const { person, closed } = await personInTwo();
      await suspend(closed);

      const response = await login(person);
      expect(response.status).toBe(200);
      expect(response.body.organization).toMatchObject({
        id: person.organization.id,
        name: "Kept",
      });
    });

    it("lists the suspended organization among theirs, marked suspended", async () => {
      const { person, closed } = await personInTwo();
      await suspend(closed);

      const response = await as(http, person).get("/api/auth/organizations");
      expect(response.status).toBe(200);
      expect(response.body.organizations).toEqual([
        expect.objectContaining({ name: "Closed", suspended: true }),
        expect.objectContaining({ name: "Kept", suspended: false }),
      ]);
    });

    it("refuses signing in to the suspended organization by name", async () => {
      const { person, closed } = await personInTwo();
      await suspend(closed);

      const response = await login(person, {
        organizationId: closed.organization.id,
      });
      expect(response.status).toBe(403);
      expect(response.body).toEqual(suspendedAnswer);
    });

    it("refuses switching into the suspended organization until it is reinstated", async () => {
      const { person, closed } = await personInTwo();
      await suspend(closed);
      const body = { organizationId: closed.organization.id };

      const refused = await as(http, person).post("/api/auth/switch", body);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(suspendedAnswer);

      await reinstate(closed);
      const switched = await as(http, person).post("/api/auth/switch", body);
      expect(switched.status).toBe(200);
      expect(switched.body.organization.id).toBe(closed.organization.id);
    });
  });

  it("leaves another organization's members and data as they were", async () => {
    const other = await buildOrganization(http);
    const workspace = await buildWorkspace(http, other, { name: "Untouched" });
    const target = await buildOrganization(http);
    await buildWorkspace(http, target);

    await suspend(target);

    const listed = await as(http, other).get("/api/workspaces");
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      workspaces: [{ id: workspace.id, name: "Untouched" }],
    });
    expect((await login(other)).status).toBe(200);
    const { kysely } = await sharedTestDatabase();
    const row = await kysely
      .selectFrom("organizations")
      .select(["suspended_at", "suspension_reason"])
      .where("id", "=", other.organization.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ suspended_at: null, suspension_reason: null });
  });

  describe("reinstating", () => {
    it("restores access with the tokens members still hold", async () => {
      const owner = await buildOrganization(http);
      const member = await addMember(http, owner, { role: "viewer" });
      await suspend(owner);
      expect((await as(http, member).get("/api/me")).status).toBe(403);

      await reinstate(owner);

      expect((await as(http, owner).get("/api/me")).status).toBe(200);
      expect((await as(http, member).get("/api/me")).status).toBe(200);
      expect((await login(owner)).status).toBe(200);
    });

    it("records the suspension and the reinstatement in the organization's security log", async () => {
      const owner = await buildOrganization(http);
      const suspended = await suspend(owner, "Chargeback under review");
      await reinstate(owner);

      const response = await as(http, owner)
        .get("/api/security-events")
        .query({ limit: 2 });
      expect(response.status).toBe(200);
      expect(response.body.events).toMatchObject([
        {
          type: "organization.reinstated",
          actor: null,
          details: {
            reason: "Chargeback under review",
            suspendedAt: suspended.suspendedAt?.toISOString(),
          },
        },
        {
          type: "organization.suspended",
          actor: null,
          details: { reason: "Chargeback under review" },
        },
      ]);
    });
  });

  describe("the operations", () => {
    it("answer not_found for an unknown or malformed organization id", async () => {
      for (const organizationId of [crypto.randomUUID(), "not-an-id"]) {
        await expect(
          suspendOrganization(services, organizationId, { reason: "Fraud" }),
        ).rejects.toMatchObject({ code: "not_found", status: 404 });
        await expect(
          reinstateOrganization(services, organizationId),
        ).rejects.toMatchObject({ code: "not_found", status: 404 });
      }
    });

    it("refuse an empty or overlong reason and leave the organization open", async () => {
      const owner = await buildOrganization(http);
      for (const reason of ["  ", "x".repeat(501)]) {
        await expect(suspend(owner, reason)).rejects.toMatchObject({
          code: "validation_failed",
          details: [{ path: "reason" }],
        });
      }
      expect((await as(http, owner).get("/api/me")).status).toBe(200);
    });

    it("keep the first suspension when asked again, and record it once", async () => {
      const owner = await buildOrganization(http);
      const first = await suspend(owner, "First reason");
      const again = await suspend(owner, "Second reason");
      expect(again).toEqual(first);

      const { kysely } = await sharedTestDatabase();
      const events = await kysely
        .selectFrom("security_events")
        .select("type")
        .where("organization_id", "=", owner.organization.id)
        .where("type", "=", "organization.suspended")
        .execute();
      expect(events).toHaveLength(1);
    });

    it("disconnect the organization's sockets when they suspend it, not when nothing changes", async () => {
      const sink = recordingSink();
      const disconnected: string[] = [];
      sink.disconnectOrganization = (organizationId) => {
        disconnected.push(organizationId);
      };
      const app = await testApp({ sink });
      const owner = await buildOrganization(app.http);

      await suspendOrganization(app.services, owner.organization.id, {
        reason: "Abuse report",
      });
      await suspendOrganization(app.services, owner.organization.id, {
        reason: "Abuse report",
      });
      await reinstateOrganization(app.services, owner.organization.id);

      expect(disconnected).toEqual([owner.organization.id]);
    });
  });
});
