import { Button, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

import { useSignOutEverywhere } from "../auth/use-sign-out";
import { ConfirmModal } from "../components/ConfirmModal";

/** Ends every session of the account, after asking. */
export function SignOutEverywhere() {
  const [opened, { open, close }] = useDisclosure(false);
  const { handleSignOut, isSigningOut } = useSignOutEverywhere();
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" maw={520}>
        Lost a device, or signed in somewhere you should not have? End every
        session of your account, this one included.
      </Text>
      <Button color="red" variant="light" onClick={open}>
        Sign out everywhere
      </Button>
      <ConfirmModal
        opened={opened}
        title="Sign out everywhere?"
        message="Every browser and device signed in to your account will need to sign in again, this one included."
        confirmLabel="Sign out everywhere"
        isConfirming={isSigningOut}
        onConfirm={handleSignOut}
        onClose={close}
      />
    </Group>
  );
}
