import { AppShell, Button, Group, Text } from "@mantine/core";
import { Outlet } from "react-router";

import { useSignOut } from "../auth/use-auth-actions";
import { useCurrentSession } from "../auth/session-context";

/** Shell of the signed-in app: a header naming the organization. */
export function AppLayout() {
  const { user, organization } = useCurrentSession();
  const handleSignOut = useSignOut();

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text fw={700} size="lg">
              Ares
            </Text>
            <Text c="dimmed" truncate>
              {organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {user.name}
            </Text>
            <Button variant="default" size="xs" onClick={handleSignOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
