import type { Session } from "@ares/contracts";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";

import { fetchSession } from "../api/auth";

/** Cache key of the signed-in session (`GET /api/me`). */
export const sessionQueryKey = ["session"] as const;

/** Loads the session; only asks the server while a token is held. */
export function useSessionQuery(hasToken: boolean): UseQueryResult<Session> {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    enabled: hasToken,
  });
}
