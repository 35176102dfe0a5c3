import type { Invitation, InvitationPreview } from "@ares/contracts";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";

import { fetchInvitations, previewInvitation } from "../api/invitations";

/** Cache key of the current organization's invitations. */
export const invitationsQueryKey = ["invitations"] as const;

/** Cache key of what one invitation link offers. */
export function previewQueryKey(token: string) {
  return ["invitation-preview", token] as const;
}

/** Loads the invitations; only for people who manage members. */
export function useInvitationsQuery(): UseQueryResult<Invitation[]> {
  return useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => fetchInvitations(signal),
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
