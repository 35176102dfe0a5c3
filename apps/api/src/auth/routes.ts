import crypto from "node:crypto";
import {
  authResponseSchema,
  errorEnvelopeSchema,
  loginRequestSchema,
  registerRequestSchema,
  sessionSchema,
  type AuthResponse,
  type Role,
} from "@ares/contracts";
import { registerOrganization } from "../commands/register-organization.js";
import { signIn } from "../commands/sign-in.js";
import { bindIdentity } from "../context.js";
import type { OrganizationRow, UserRow } from "../db/schema.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentSession } from "../presenters/session.js";
import type { Services } from "../services.js";
import { requireIdentity } from "./authenticate.js";
import { accessTokenTtl } from "./tokens.js";

async function authResponse(
  services: Services,
  user: UserRow,
  organization: OrganizationRow,
  role: Role,
): Promise<AuthResponse> {
  const identity = {
    userId: user.id,
    tenantId: organization.id,
    role,
    sessionId: crypto.randomUUID(),
  };
  bindIdentity(identity);
  const accessToken = await services.tokens.issue(identity);
  return {
    ...presentSession(user, organization, role),
    accessToken,
    tokenType: "Bearer",
    expiresIn: accessTokenTtl,
  };
}

/** Sign-up, sign-in and the current session. */
export function authRoutes(services: Services): AnyRoute[] {
  const { db, logger } = services;

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
    async handler({ body }) {
      const created = await registerOrganization(db, body);

      const { user, organization, role } = created;
      const reply = await authResponse(services, user, organization, role);
      logger.info(
        { organizationId: organization.id },
        "organization registered",
      );
      return { status: 201, body: reply };
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
      403: { description: "Not a member", schema: errorEnvelopeSchema },
    },
    async handler({ body }) {
      const { user, organization, role } = await signIn(db, body);

      const reply = await authResponse(services, user, organization, role);
      await tenantTransaction(db, (tx) =>
        tx
          .updateTable("memberships")
          .set({ last_used_at: new Date() })
          .where("tenant_id", "=", organization.id)
          .where("user_id", "=", user.id)
          .execute(),
      );
      logger.info("signed in");
      return { status: 200, body: reply };
    },
  });

  const me = defineRoute({
    method: "get",
    path: "/api/me",
    summary: "The signed-in user, organization and role",
    tag: "Auth",
    access: "tenant",
    responses: {
      200: { description: "Current session", schema: sessionSchema },
    },
    async handler() {
      const identity = requireIdentity();

      const found = await tenantTransaction(db, (tx) =>
        tx
          .selectFrom("memberships as m")
          .innerJoin("users as u", "u.id", "m.user_id")
          .innerJoin("organizations as o", "o.id", "m.tenant_id")
          .select(["u.id", "u.email", "u.name", "m.role"])
          .select(["o.name as organizationName", "o.created_at"])
          .select("o.id as organizationId")
          .where("m.tenant_id", "=", identity.tenantId)
          .where("m.user_id", "=", identity.userId)
          .executeTakeFirst(),
      );
      if (!found) {
        throw new AppError(
          "unauthenticated",
          "You are no longer a member here",
        );
      }

      const organization = {
        id: found.organizationId,
        name: found.organizationName,
        created_at: found.created_at,
      };
      return {
        status: 200,
        body: presentSession(found, organization, found.role),
      };
    },
  });

  return [register, login, me];
}
