import {
  authResponseSchema,
  errorEnvelopeSchema,
  loginRequestSchema,
  myOrganizationsSchema,
  refreshRequestSchema,
  registerRequestSchema,
  switchOrganizationRequestSchema,
} from "@ares/contracts";
import { registerOrganization } from "../commands/register-organization.js";
import {
  badCredentials,
  checkCredentials,
  chooseOrganization,
} from "../commands/sign-in.js";
import { runAsIdentity } from "../context.js";
import {
  identityTransaction,
  lookupTransaction,
  tenantTransaction,
} from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentOrganization } from "../presenters/session.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";
import { requireIdentity } from "./authenticate.js";
import { clearRefreshCookie, refreshCookie } from "./cookies.js";
import { clientInfo, sessionReply } from "./session-reply.js";
import {
  markMembershipUsed,
  refreshSession,
  revokeSessions,
  startSession,
  switchOrganization,
} from "./sessions.js";

const authErrors = {
  401: { description: "Not signed in", schema: errorEnvelopeSchema },
};

/** Sign-up, sign-in, refresh, sign-out and switching organization. */
export function authRoutes(services: Services): AnyRoute[] {
  const { db, logger, loginThrottle } = services;

  const register = defineRoute({
    method: "post",
    path: "/api/auth/register",
    summary: "Create an organization and its first owner",
    tag: "Auth",
    access: "public",
    body: registerRequestSchema,
    responses: {
      201: { description: "Organization created", schema: authResponseSchema },
      409: {
        description: "Email already registered",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ req, res, body }) {
      const { user, organization } = await registerOrganization(db, body);

      const issued = await startSession(
        services,
        { userId: user.id, tenantId: organization.id, role: "owner" },
        clientInfo(req),
      );
      await runAsIdentity(issued.identity, () =>
        tenantTransaction(db, (tx) =>
          recordSecurityEvent(tx, {
            type: "organization.registered",
            organizationId: organization.id,
            actorUserId: user.id,
          }),
        ),
      );
      logger.info(
        { organizationId: organization.id },
        "organization registered",
      );
      return sessionReply(services, res, issued, {
        status: 201,
        delivery: body.refreshTokenDelivery,
      });
    },
  });

  const login = defineRoute({
    method: "post",
    path: "/api/auth/login",
    summary: "Sign in with email and password",
    tag: "Auth",
    access: "public",
    body: loginRequestSchema,
    responses: {
      200: { description: "Signed in", schema: authResponseSchema },
      401: {
        description: "Wrong email or password",
        schema: errorEnvelopeSchema,
      },
      403: {
        description: "Not a member, or the organization is suspended",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ req, res, body }) {
      const ip = req.ip ?? "unknown";
      await loginThrottle.check(body.email, ip);

      const user = await checkCredentials(db, body.email, body.password);
      if (!user) {
        await loginThrottle.recordFailure(body.email, ip);
        await lookupTransaction(db, {}, (tx) =>
          recordSecurityEvent(tx, {
            type: "sign_in.failed",
            details: { email: body.email },
          }),
        );
        throw badCredentials();
      }
      await loginThrottle.recordSuccess(body.email);

      const { organization, role } = await chooseOrganization(
        db,
        user,
        body.organizationId,
      );
      const issued = await startSession(
        services,
        { userId: user.id, tenantId: organization.id, role },
        clientInfo(req),
      );
      await markMembershipUsed(db, issued.identity);
      await runAsIdentity(issued.identity, () =>
        tenantTransaction(db, (tx) =>
          recordSecurityEvent(tx, {
            type: "sign_in.succeeded",
            organizationId: organization.id,
            actorUserId: user.id,
          }),
        ),
      );
      return sessionReply(services, res, issued, {
        status: 200,
        delivery: body.refreshTokenDelivery,
      });
    },
  });

  const refresh = defineRoute({
    method: "post",
    path: "/api/auth/refresh",
    summary: "Trade a refresh token (cookie or body) for new tokens",
    tag: "Auth",
    access: "public",
    body: refreshRequestSchema,
    responses: {
      200: { description: "New tokens", schema: authResponseSchema },
      ...authErrors,
      403: {
        description: "The session's organization is suspended",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ req, res, body }) {
      const token = body.refreshToken ?? refreshCookie(req);
      if (!token) {
        throw new AppError("unauthenticated", "Sign in to continue");
      }

      const issued = await refreshSession(services, token).catch(
        (error: unknown) => {
          if (!body.refreshToken) {
            clearRefreshCookie(res, services.config);
          }
          throw error;
        },
      );
      return sessionReply(services, res, issued, {
        status: 200,
        delivery: body.refreshToken ? "body" : "cookie",
      });
    },
  });

  const logout = defineRoute({
    method: "post",
    path: "/api/auth/logout",
    summary: "End this session",
    tag: "Auth",
    access: "tenant",
    responses: { 204: { description: "Signed out" } },
    async handler({ res }) {
      const identity = requireIdentity();

      await revokeSessions(db, identity.userId, {
        sessionId: identity.sessionId,
        reason: "signed out",
        event: "session.revoked",
      });
      services.events.disconnectSession(identity.sessionId);
      clearRefreshCookie(res, services.config);
      return { status: 204 };
    },
  });

  const logoutAll = defineRoute({
    method: "post",
    path: "/api/auth/logout-all",
    summary: "End every session of the signed-in person, on every device",
    tag: "Auth",
    access: "tenant",
    responses: { 204: { description: "Signed out everywhere" } },
    async handler({ res }) {
      const identity = requireIdentity();

      await revokeSessions(db, identity.userId, {
        reason: "signed out everywhere",
        event: "session.revoked_all",
      });
      services.events.disconnectUser(identity.userId);
      clearRefreshCookie(res, services.config);
      return { status: 204 };
    },
  });

  const organizations = defineRoute({
    method: "get",
    path: "/api/auth/organizations",
    summary: "The organizations the signed-in person belongs to",
    tag: "Auth",
    access: "tenant",
    responses: {
      200: { description: "Organizations", schema: myOrganizationsSchema },
    },
    async handler() {
      const identity = requireIdentity();

      const rows = await identityTransaction(db, identity.userId, (tx) =>
        tx
          .selectFrom("memberships as m")
          .innerJoin("organizations as o", "o.id", "m.tenant_id")
          .selectAll("o")
          .select("m.role")
          .where("m.user_id", "=", identity.userId)
          .orderBy("o.name")
          .execute(),
      );
      const list = rows.map(({ role, ...organization }) => ({
        ...presentOrganization(organization),
        role,
        current: organization.id === identity.tenantId,
        suspended: organization.suspended_at !== null,
      }));
      return { status: 200, body: { organizations: list } };
    },
  });

  const switchTo = defineRoute({
    method: "post",
    path: "/api/auth/switch",
    summary: "Enter another of your organizations; issues a new access token",
    tag: "Auth",
    access: "tenant",
    body: switchOrganizationRequestSchema,
    responses: {
      200: { description: "Switched", schema: authResponseSchema },
      403: {
        description: "The current or the requested organization is suspended",
        schema: errorEnvelopeSchema,
      },
      404: {
        description: "Not one of your organizations",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ res, body }) {
      const identity = requireIdentity();

      const { accessToken, ...next } = await switchOrganization(
        services,
        identity,
        body.organizationId,
      );
      await runAsIdentity(next, () =>
        tenantTransaction(db, (tx) =>
          recordSecurityEvent(tx, {
            type: "organization.switched",
            organizationId: next.tenantId,
            actorUserId: next.userId,
          }),
        ),
      );
      return sessionReply(
        services,
        res,
        { identity: next, accessToken },
        { status: 200 },
      );
    },
  });

  return [register, login, refresh, logout, logoutAll, organizations, switchTo];
}
