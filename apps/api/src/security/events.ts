import { currentContext } from "../context.js";
import type { Tx } from "../db/scope.js";

/** Every kind of security event, so the audit log can rely on the names. */
export const securityEventTypes = [
  "organization.registered",
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "session.refreshed_with_used_token",
  "session.revoked",
  "session.revoked_all",
  "organization.switched",
  "organization.suspended",
  "organization.reinstated",
  "password.changed",
  "password.reset_requested",
  "password.reset",
  "invitation.sent",
  "invitation.resent",
  "invitation.accepted",
  "invitation.revoked",
  "member.role_changed",
  "member.removed",
  "member.left",
] as const;

export type SecurityEventType = (typeof securityEventTypes)[number];

export interface SecurityEventInput {
  type: SecurityEventType;
  organizationId?: string | null | undefined;
  actorUserId?: string | null | undefined;
  targetUserId?: string | null | undefined;
  details?: Record<string, unknown>;
}

/**
 * Appends a security event in the caller's transaction, with the client
 * address and request id of the current request.
 */
export async function recordSecurityEvent(
  tx: Tx,
  event: SecurityEventInput,
): Promise<void> {
  const context = currentContext();
  await tx
    .insertInto("security_events")
    .values({
      type: event.type,
      organization_id: event.organizationId ?? null,
      actor_user_id: event.actorUserId ?? null,
      target_user_id: event.targetUserId ?? null,
      ip: context?.ip ?? null,
      request_id: context?.requestId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
