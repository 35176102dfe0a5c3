import type { InvitationPreview } from "@ares/contracts";
import {
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from "@tanstack/react-query";

import {
  fetchInvitations,
  previewInvitation,
  type InvitationPage,
} from "../api/invitations";

/** Cache key of the current organization's invitations. */
export const invitationsQueryKey = ["invitations"] as const;

/** Cache key of what one invitation link offers. */
export function previewQueryKey(token: string) {
  return ["invitation-preview", token] as const;
}

/**
 * Loads the invitations a page at a time, newest first; only for people
 * who manage members.
 */
export function useInvitationsQuery(): UseInfiniteQueryResult<
  InfiniteData<InvitationPage, string | null>
> {
  return useInfiniteQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ pageParam, signal }) => fetchInvitations(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Loads what an invitation link offers, once: it cannot change meanwhile. */
export function usePreviewQuery(
  token: string,
): UseQueryResult<InvitationPreview> {
  return useQuery({
    queryKey: previewQueryKey(token),
    queryFn: ({ signal }) => previewInvitation(token, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
