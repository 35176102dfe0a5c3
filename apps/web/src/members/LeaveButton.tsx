import type { Member } from "@ares/contracts";
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

import { endSession } from "../auth/auth-session";
import { ConfirmModal } from "../components/ConfirmModal";
import { useRemoveMember } from "./member-queries";

/** Props of `LeaveButton`. */
export interface LeaveButtonProps {
  /** The signed-in person's own membership. */
  member: Member;
  organizationName: string;
}

/**
 * Leaves the organization, after asking. The session belonged to this
 * organization, so it ends: the person signs in again to another one.
 */
export function LeaveButton({ member, organizationName }: LeaveButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const leave = useRemoveMember(member, {
    successMessage: `You left ${organizationName}.`,
    onRemoved: handleLeft,
  });

  function handleLeft() {
    close();
    endSession();
  }

  function handleConfirm() {
    leave.mutate();
  }

  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={open}>
        Leave
      </Button>
      <ConfirmModal
        opened={opened}
        title={`Leave ${organizationName}?`}
        message="You will lose access at once and need a new invitation to come back."
        confirmLabel="Leave organization"
        isConfirming={leave.isPending}
        onConfirm={handleConfirm}
        onClose={close}
      />
    </>
  );
}
