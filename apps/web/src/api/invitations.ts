import {
  authResponseSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationSchema,
  type AcceptInvitationRequest,
  type AuthResponse,
  type CreateInvitationRequest,
  type Invitation,
  type InvitationPreview,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

/** One page of invitations and the cursor of the next, if any. */
export interface InvitationPage {
  invitations: Invitation[];
  nextCursor: string | null;
}

/**
 * A page of the current organization's invitations, whatever their
 * status, newest first; `cursor` comes from the page before.
 */
export function fetchInvitations(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<InvitationPage> {
  const query =
    cursor === null ? "" : `?${new URLSearchParams({ cursor }).toString()}`;
  return apiRequest(`/invites${query}`, invitationListSchema, { signal });
}

/** Invites someone by email; the server emails them a link. */
export function createInvitation(
  input: CreateInvitationRequest,
): Promise<Invitation> {
  return apiRequest("/invites", invitationSchema, {
    method: "POST",
    body: input,
  });
}

/** Withdraws a pending invitation; its link stops working. */
export function revokeInvitation(id: string): Promise<void> {
  return apiCommand(`/invites/${encodeURIComponent(id)}`, {
    method: "DELETE",
  });
}

/** Emails the invitation again. */
export function resendInvitation(id: string): Promise<Invitation> {
  return apiRequest(
    `/invites/${encodeURIComponent(id)}/resend`,
    invitationSchema,
    { method: "POST" },
  );
}

/** What an invitation link offers, before the invitee answers. */
export function previewInvitation(
  token: string,
  signal?: AbortSignal,
): Promise<InvitationPreview> {
  const query = new URLSearchParams({ token });
  return apiRequest(
    `/invites/preview?${query.toString()}`,
    invitationPreviewSchema,
    { anonymous: true, signal },
  );
}

/** Accepts an invitation and signs in as the invited person. */
export function acceptInvitation(
  input: AcceptInvitationRequest,
): Promise<AuthResponse> {
  return apiRequest("/invites/accept", authResponseSchema, {
    anonymous: true,
    method: "POST",
    body: input,
  });
}
