import type { AuthResponse, Session } from "@ares/contracts";
import type { Request, Response } from "express";
import { runAsIdentity, type Identity } from "../context.js";
import type { Database } from "../db/database.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import type { Reply } from "../http/route.js";
import { presentSession } from "../presenters/session.js";
import type { Services } from "../services.js";
import { setRefreshCookie } from "./cookies.js";
import type { ClientInfo, IssuedSession } from "./sessions.js";
import { accessTokenTtl } from "./tokens.js";

/** Where a request came from, to keep on a new session. */
export function clientInfo(req: Request): ClientInfo {
  return { ip: req.ip, userAgent: req.headers["user-agent"] };
}

/** The user, organization and role behind an identity, as the API shows them. */
export async function loadSession(
  db: Database,
  identity: Identity,
): Promise<Session> {
  const found = await runAsIdentity(identity, () =>
    tenantTransaction(db, (tx) =>
      tx
        .selectFrom("memberships as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .innerJoin("organizations as o", "o.id", "m.tenant_id")
        .select(["u.id", "u.email", "u.name", "m.role"])
        .select(["o.id as organizationId", "o.name as organizationName"])
        .select("o.created_at as organizationCreatedAt")
        .where("m.tenant_id", "=", identity.tenantId)
        .where("m.user_id", "=", identity.userId)
        .executeTakeFirst(),
    ),
  );
  if (!found) {
    throw new AppError("unauthenticated", "You are no longer a member here");
  }
  const organization = {
    id: found.organizationId,
    name: found.organizationName,
    created_at: found.organizationCreatedAt,
  };
  return presentSession(found, organization, found.role);
}

/**
 * Answers a sign-in, sign-up or refresh: the session and an access token,
 * with the refresh token in an httpOnly cookie, or in the body for API
 * clients that asked for it there.
 */
export async function sessionReply(
  services: Services,
  res: Response,
  issued: Omit<IssuedSession, "refreshToken"> & { refreshToken?: string },
  options: { status: number; delivery?: "cookie" | "body" | undefined },
): Promise<Reply> {
  const session = await loadSession(services.db, issued.identity);
  const body: AuthResponse = {
    ...session,
    accessToken: issued.accessToken,
    tokenType: "Bearer",
    expiresIn: accessTokenTtl,
  };
  if (issued.refreshToken && options.delivery === "body") {
    body.refreshToken = issued.refreshToken;
  } else if (issued.refreshToken) {
    setRefreshCookie(res, services.config, issued.refreshToken);
  }
  return { status: options.status, body };
}
