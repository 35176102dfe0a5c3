import crypto from "node:crypto";
import type { Role } from "@ares/contracts";
import { runAsIdentity, type Identity } from "../context.js";
import type { Database } from "../db/database.js";
import {
  identityTransaction,
  lookupTransaction,
  tenantTransaction,
  type Tx,
} from "../db/scope.js";
import { AppError, organizationSuspended } from "../http/errors.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";
import { hashToken, newToken } from "./secrets.js";

/** A signed-in session's credentials, fresh from sign-in or refresh. */
export interface IssuedSession {
  identity: Identity;
  accessToken: string;
  refreshToken: string;
}

/** Where a sign-in came from, kept on the session for its owner to review. */
export interface ClientInfo {
  ip: string | undefined;
  userAgent: string | undefined;
}

const sessionEnded = () =>
  new AppError("unauthenticated", "Your session has ended; sign in again");

async function insertRefreshToken(
  tx: Tx,
  session: { id: string; userId: string; expiresAt: Date },
): Promise<string> {
  const token = newToken();
  await tx
    .insertInto("refresh_tokens")
    .values({
      token_hash: hashToken(token),
      session_id: session.id,
      user_id: session.userId,
      expires_at: session.expiresAt,
    })
    .execute();
  return token;
}

/** Opens a session for a person proven by password or invitation. */
export async function startSession(
  services: Services,
  member: { userId: string; tenantId: string; role: Role },
  client: ClientInfo,
): Promise<IssuedSession> {
  const { db, config, tokens } = services;
  const sessionId = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + config.sessionDays * 86_400_000);

  const refreshToken = await identityTransaction(
    db,
    member.userId,
    async (tx) => {
      await tx
        .insertInto("sessions")
        .values({
          id: sessionId,
          user_id: member.userId,
          active_tenant_id: member.tenantId,
          expires_at: expiresAt,
          revoked_at: null,
          revoked_reason: null,
          ip: client.ip ?? null,
          user_agent: client.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return insertRefreshToken(tx, {
        id: sessionId,
        userId: member.userId,
        expiresAt,
      });
    },
  );

  const identity = { ...member, sessionId };
  return { identity, refreshToken, accessToken: await tokens.issue(identity) };
}

type RefreshOutcome =
  | { kind: "rotated"; identity: Identity; refreshToken: string }
  | { kind: "reused"; userId: string; sessionId: string }
  | { kind: "suspended" }
  | { kind: "ended" };

/**
 * How long a just-used refresh token is still honoured. A page reloaded
 * while its refresh was in flight, or two tabs refreshing together,
 * present the same token twice within moments; that is not theft.
 */
const reuseGraceMs = 10_000;

/** Claims a refresh token: first use, a retry within the grace, or neither. */
async function claimToken(
  tx: Tx,
  tokenHash: string,
): Promise<"claimed" | "reused" | "expired"> {
  const token = await tx
    .selectFrom("refresh_tokens")
    .select(["used_at", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
  const now = new Date();
  if (!token || token.expires_at <= now) {
    return "expired";
  }
  if (token.used_at) {
    return now.getTime() - token.used_at.getTime() < reuseGraceMs
      ? "claimed"
      : "reused";
  }
  await tx
    .updateTable("refresh_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .execute();
  return "claimed";
}

async function rotate(
  tx: Tx,
  tokenHash: string,
  found: { user_id: string; session_id: string },
): Promise<RefreshOutcome> {
  const session = await tx
    .selectFrom("sessions as s")
    .innerJoin("memberships as m", (join) =>
      join
        .onRef("m.tenant_id", "=", "s.active_tenant_id")
        .onRef("m.user_id", "=", "s.user_id"),
    )
    .innerJoin("organizations as o", "o.id", "s.active_tenant_id")
    .select(["s.id", "s.active_tenant_id", "s.expires_at", "m.role"])
    .select("o.suspended_at")
    .where("s.id", "=", found.session_id)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", new Date())
    .executeTakeFirst();
  // Refused before the token is claimed, so the same token still works
  // once the organization is reinstated instead of reading as a replay.
  if (session?.suspended_at) {
    return { kind: "suspended" };
  }
  const claim = await claimToken(tx, tokenHash);
  if (!session || claim === "expired") {
    return { kind: "ended" };
  }
  if (claim === "reused") {
    return { kind: "reused", userId: found.user_id, sessionId: session.id };
  }
  await tx
    .updateTable("sessions")
    .set({ last_seen_at: new Date() })
    .where("id", "=", session.id)
    .execute();
  const refreshToken = await insertRefreshToken(tx, {
    id: session.id,
    userId: found.user_id,
    expiresAt: session.expires_at,
  });
  const identity = {
    userId: found.user_id,
    tenantId: session.active_tenant_id,
    role: session.role,
    sessionId: session.id,
  };
  return { kind: "rotated", identity, refreshToken };
}

/**
 * Trades a refresh token for a new access token and a new refresh token.
 * A token used more than a few seconds ago means it was copied: the whole
 * session is revoked, for the thief and the owner alike.
 */
export async function refreshSession(
  services: Services,
  refreshToken: string,
): Promise<IssuedSession> {
  const { db, tokens } = services;
  const tokenHash = hashToken(refreshToken);
  const found = await lookupTransaction(db, { lookupHash: tokenHash }, (tx) =>
    tx
      .selectFrom("refresh_tokens")
      .select(["user_id", "session_id"])
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst(),
  );
  if (!found) {
    throw sessionEnded();
  }

  const outcome = await identityTransaction(db, found.user_id, (tx) =>
    rotate(tx, tokenHash, found),
  );
  if (outcome.kind === "reused") {
    await revokeSessions(db, outcome.userId, {
      sessionId: outcome.sessionId,
      reason: "refresh token reused",
      event: "session.refreshed_with_used_token",
    });
    services.events.disconnectSession(outcome.sessionId);
    throw sessionEnded();
  }
  if (outcome.kind === "suspended") {
    throw organizationSuspended();
  }
  if (outcome.kind === "ended") {
    throw sessionEnded();
  }
  const { identity } = outcome;
  return {
    identity,
    refreshToken: outcome.refreshToken,
    accessToken: await tokens.issue(identity),
  };
}

/**
 * Ends one session, or all of a person's sessions when no id is given.
 * Access tokens of ended sessions stop working on their next request.
 */
export async function revokeSessions(
  db: Database,
  userId: string,
  options: {
    sessionId?: string;
    reason: string;
    event:
      | "session.revoked"
      | "session.revoked_all"
      | "session.refreshed_with_used_token";
  },
): Promise<void> {
  await identityTransaction(db, userId, async (tx) => {
    let update = tx
      .updateTable("sessions")
      .set({ revoked_at: new Date(), revoked_reason: options.reason })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null);
    if (options.sessionId) {
      update = update.where("id", "=", options.sessionId);
    }
    await update.execute();
    await recordSecurityEvent(tx, {
      type: options.event,
      actorUserId: userId,
      targetUserId: userId,
      details: { sessionId: options.sessionId ?? null, reason: options.reason },
    });
  });
}

/**
 * Confirms on every request that the token's session is still open, its
 * user still a member and the organization not suspended, and returns the
 * role they hold now, so a removal, demotion or suspension applies at once
 * rather than when the token expires.
 */
export async function currentRole(
  db: Database,
  identity: Identity,
): Promise<Role> {
  const row = await runAsIdentity(identity, () =>
    tenantTransaction(db, (tx) =>
      tx
        .selectFrom("sessions as s")
        .innerJoin("memberships as m", "m.user_id", "s.user_id")
        .innerJoin("organizations as o", "o.id", "m.tenant_id")
        .select(["m.role", "o.suspended_at"])
        .where("s.id", "=", identity.sessionId)
        .where("s.user_id", "=", identity.userId)
        .where("s.revoked_at", "is", null)
        .where("s.expires_at", ">", new Date())
        .where("m.tenant_id", "=", identity.tenantId)
        .executeTakeFirst(),
    ),
  );
  if (!row) {
    throw sessionEnded();
  }
  if (row.suspended_at) {
    throw organizationSuspended();
  }
  return row.role;
}

/** Points a session at another of its person's organizations. */
export async function switchOrganization(
  services: Services,
  identity: Identity,
  organizationId: string,
): Promise<IssuedSession["identity"] & { accessToken: string }> {
  const role = await identityTransaction(
    services.db,
    identity.userId,
    async (tx) => {
      const membership = await tx
        .selectFrom("memberships as m")
        .innerJoin("organizations as o", "o.id", "m.tenant_id")
        .select(["m.role", "o.suspended_at"])
        .where("m.user_id", "=", identity.userId)
        .where("m.tenant_id", "=", organizationId)
        .executeTakeFirst();
      if (!membership) {
        return undefined;
      }
      if (membership.suspended_at) {
        throw organizationSuspended();
      }
      await tx
        .updateTable("sessions")
        .set({ active_tenant_id: organizationId, last_seen_at: new Date() })
        .where("id", "=", identity.sessionId)
        .execute();
      return membership.role;
    },
  );
  if (!role) {
    throw new AppError("not_found", "Organization not found");
  }
  const next = { ...identity, tenantId: organizationId, role };
  await markMembershipUsed(services.db, next);
  return { ...next, accessToken: await services.tokens.issue(next) };
}

/** Remembers when a person last entered an organization, for sign-in. */
export async function markMembershipUsed(
  db: Database,
  identity: Identity,
): Promise<void> {
  await runAsIdentity(identity, () =>
    tenantTransaction(db, (tx) =>
      tx
        .updateTable("memberships")
        .set({ last_used_at: new Date() })
        .where("tenant_id", "=", identity.tenantId)
        .where("user_id", "=", identity.userId)
        .execute(),
    ),
  );
}
