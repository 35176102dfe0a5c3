import type { SecurityEvent } from "@ares/contracts";

/** Plain words for the event types the API records. */
const eventLabels: Readonly<Record<string, string>> = {
  "organization.registered": "Organization created",
  "organization.switched": "Switched organization",
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "session.revoked": "Signed out",
  "session.revoked_all": "Signed out everywhere",
  "session.refreshed_with_used_token": "Session ended: refresh token reused",
  "password.changed": "Password changed",
  "password.reset_requested": "Password reset requested",
  "password.reset": "Password reset",
};

/**
 * How an event type reads on screen; types this list does not know yet are
 * shown from their code ("member.role_changed" → "Member role changed").
 */
export function eventLabel(type: string): string {
  const known = eventLabels[type];
  if (known !== undefined) {
    return known;
  }
  const words = type.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The event's details as short "key: value" lines. */
export function detailLines(event: SecurityEvent): string[] {
  return Object.entries(event.details)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${describeValue(value)}`);
}

function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  return JSON.stringify(value);
}
