import type { Member } from "@ares/contracts";
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

import { ConfirmModal } from "../components/ConfirmModal";
import { useRemoveMember } from "./member-queries";

/** Props of `RemoveMemberButton`. */
export interface RemoveMemberButtonProps {
  member: Member;
  organizationName: string;
}

/** Removes someone else from the organization, after asking. */
export function RemoveMemberButton(props: RemoveMemberButtonProps) {
  const { member, organizationName } = props;
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useRemoveMember(member, {
    successMessage: `${member.user.name} was removed.`,
    onRemoved: close,
  });

  function handleConfirm() {
    remove.mutate();
  }

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        onClick={open}
        aria-label={`Remove ${member.user.name}`}
      >
        Remove
      </Button>
      <ConfirmModal
        opened={opened}
        title={`Remove ${member.user.name}?`}
        message={`${member.user.name} (${member.user.email}) will lose access to ${organizationName} at once. You can invite them again later.`}
        confirmLabel="Remove"
        isConfirming={remove.isPending}
        onConfirm={handleConfirm}
        onClose={close}
      />
    </>
  );
}
