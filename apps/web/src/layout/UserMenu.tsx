import { Avatar, Button, Menu, Text } from "@mantine/core";
import { Link } from "react-router";

import { useCurrentSession } from "../auth/session-context";
import { useSignOut } from "../auth/use-sign-out";
import { roleLabels } from "../roles";

/** The signed-in person's menu: their profile and signing out. */
export function UserMenu() {
  const { user, role } = useCurrentSession();
  const { handleSignOut, isSigningOut } = useSignOut();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          loading={isSigningOut}
          leftSection={<Avatar name={user.name} size={24} color="initials" />}
        >
          <Text size="sm" truncate span maw={140}>
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email} · {roleLabels[role]}
        </Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Profile
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={handleSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
