import type { Invitation } from "@ares/contracts";
import {
  useMutation,
  useQueryClient,
  type UseMutationResult,
} from "@tanstack/react-query";

import { resendInvitation, revokeInvitation } from "../api/invitations";
import { notifyFailure, notifySuccess } from "../notify";
import { outboxQueryKey } from "../outbox/outbox-query";
import { invitationsQueryKey } from "./invitation-queries";

/** Emails an invitation again, reporting the outcome. */
export function useResendInvitation(
  invitation: Invitation,
): UseMutationResult<Invitation, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resendInvitation(invitation.id),
    onSuccess: () => {
      notifySuccess(`Invitation sent again to ${invitation.email}.`);
      void queryClient.invalidateQueries({ queryKey: outboxQueryKey });
    },
    onError: (error) => {
      notifyFailure(`Could not resend to ${invitation.email}`, error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}

/** Withdraws an invitation, reporting the outcome. */
export function useRevokeInvitation(
  invitation: Invitation,
  onRevoked: () => void,
): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revokeInvitation(invitation.id),
    onSuccess: () => {
      notifySuccess(`Invitation for ${invitation.email} revoked.`);
      onRevoked();
    },
    onError: (error) => {
      notifyFailure(`Could not revoke the invitation`, error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
