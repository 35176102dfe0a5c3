import type { SecurityEvent } from "@ares/contracts";
import type { UserRow } from "../db/schema.js";
import { presentUser } from "./session.js";

/** A security event row with its actor, when the actor is still visible. */
export interface SecurityEventFields {
  id: string;
  type: string;
  actor: Pick<UserRow, "id" | "email" | "name"> | null;
  target_user_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/** One entry of an organization's security log. */
export function presentSecurityEvent(
  event: SecurityEventFields,
): SecurityEvent {
  return {
    id: event.id,
    type: event.type,
    actor: event.actor ? presentUser(event.actor) : null,
    targetUserId: event.target_user_id,
    ip: event.ip,
    requestId: event.request_id,
    details: event.details,
    at: event.created_at.toISOString(),
  };
}
