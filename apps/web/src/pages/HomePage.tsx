import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { useCurrentSession } from "../auth/session-context";
import { roleLabels } from "../roles";
import { RecentProjects } from "./RecentProjects";
import { YourWork } from "./YourWork";

/** Signed-in home: the organization, your recent projects and your work. */
export function HomePage() {
  const { user, organization, role } = useCurrentSession();
  return (
    <Stack gap="xl" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Stack gap="xs">
          <Title order={1}>{organization.name}</Title>
          <Group gap="xs">
            <Text>Signed in as {user.name}</Text>
            <Badge variant="light">{roleLabels[role]}</Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {user.email}
          </Text>
        </Stack>
        <Button component={Link} to="/workspaces" variant="default">
          All workspaces
        </Button>
      </Group>
      <RecentProjects />
      <YourWork />
    </Stack>
  );
}
