import {
  outboxListSchema,
  securityEventListSchema,
  type OutboxMessage,
  type SecurityEvent,
} from "@ares/contracts";

import { apiRequest } from "./client";

/** Emails kept in the development outbox, newest first. */
export async function fetchOutbox(
  signal?: AbortSignal,
): Promise<OutboxMessage[]> {
  const list = await apiRequest("/dev/outbox", outboxListSchema, { signal });
  return list.messages;
}

/** One page of the security log, and the cursor of the next one. */
export interface SecurityEventPage {
  events: SecurityEvent[];
  nextCursor: string | null;
}

/** Loads the page of security events after `cursor` (the first when null). */
export function fetchSecurityEvents(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<SecurityEventPage> {
  const query =
    cursor === null ? "" : `?${new URLSearchParams({ cursor }).toString()}`;
  return apiRequest(`/security-events${query}`, securityEventListSchema, {
    signal,
  });
}
