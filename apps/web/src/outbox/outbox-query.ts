import type { OutboxMessage } from "@ares/contracts";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";

import { ApiError } from "../api/api-error";
import { fetchOutbox } from "../api/admin";

/** Cache key of the development outbox. */
export const outboxQueryKey = ["outbox"] as const;

/**
 * Loads the development outbox, to learn whether the server keeps one:
 * servers that send real email answer 404.
 */
export function useOutboxQuery(
  enabled: boolean,
): UseQueryResult<OutboxMessage[]> {
  return useQuery({
    queryKey: outboxQueryKey,
    queryFn: ({ signal }) => fetchOutbox(signal),
    enabled,
  });
}

/** How often the open outbox page looks for new emails. */
const outboxPollMs = 15_000;

/**
 * Loads the outbox for reading: fresh on every visit, and again while the
 * page stays open, since emails arrive from anyone's actions.
 */
export function useOutboxMessages(): UseQueryResult<OutboxMessage[]> {
  return useQuery({
    queryKey: outboxQueryKey,
    queryFn: ({ signal }) => fetchOutbox(signal),
    refetchOnMount: "always",
    refetchInterval: outboxPollMs,
  });
}

/** True when the failure means "this server has no outbox". */
export function isOutboxMissing(error: Error): boolean {
  return error instanceof ApiError && error.status === 404;
}
