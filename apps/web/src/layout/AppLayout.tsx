import { AppShell, Group, Text } from "@mantine/core";
import { Link, Outlet } from "react-router";

import { OrganizationSwitcher } from "../organizations/OrganizationSwitcher";
import { MainNav } from "./MainNav";
import { UserMenu } from "./UserMenu";

/**
 * Shell of the signed-in app: a header with the organization (and a way to
 * switch), the main navigation and the person's menu.
 */
export function AppLayout() {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text
              component={Link}
              to="/"
              fw={700}
              size="lg"
              aria-label="Ares home"
            >
              Ares
            </Text>
            <OrganizationSwitcher />
            <MainNav />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
