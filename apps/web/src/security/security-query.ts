import {
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from "@tanstack/react-query";

import { fetchSecurityEvents, type SecurityEventPage } from "../api/admin";

/** Cache key of the security log. */
export const securityEventsQueryKey = ["security-events"] as const;

/** Loads the security log a page at a time, newest first. */
export function useSecurityEventsQuery(): UseInfiniteQueryResult<
  InfiniteData<SecurityEventPage, string | null>
> {
  return useInfiniteQuery({
    queryKey: securityEventsQueryKey,
    queryFn: ({ pageParam, signal }) => fetchSecurityEvents(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
