import type { Invitation } from "@ares/contracts";
import { Button, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

import { ConfirmModal } from "../components/ConfirmModal";
import { useResendInvitation, useRevokeInvitation } from "./invitation-actions";

/** Props of `InvitationActions`. */
export interface InvitationActionsProps {
  invitation: Invitation;
}

/**
 * Resend (while the invitation is open or has lapsed) and revoke (while it
 * is open); accepted and revoked invitations are history.
 */
export function InvitationActions({ invitation }: InvitationActionsProps) {
  const { status } = invitation;
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {(status === "pending" || status === "expired") && (
        <ResendButton invitation={invitation} />
      )}
      {status === "pending" && <RevokeButton invitation={invitation} />}
    </Group>
  );
}

function ResendButton({ invitation }: InvitationActionsProps) {
  const resend = useResendInvitation(invitation);

  function handleResend() {
    resend.mutate();
  }

  return (
    <Button
      variant="subtle"
      size="xs"
      loading={resend.isPending}
      onClick={handleResend}
      aria-label={`Resend invitation to ${invitation.email}`}
    >
      Resend
    </Button>
  );
}

function RevokeButton({ invitation }: InvitationActionsProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useRevokeInvitation(invitation, close);

  function handleConfirm() {
    revoke.mutate();
  }

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        onClick={open}
        aria-label={`Revoke invitation to ${invitation.email}`}
      >
        Revoke
      </Button>
      <ConfirmModal
        opened={opened}
        title="Revoke this invitation?"
        message={`The link sent to ${invitation.email} will stop working.`}
        confirmLabel="Revoke"
        isConfirming={revoke.isPending}
        onConfirm={handleConfirm}
        onClose={close}
      />
    </>
  );
}
