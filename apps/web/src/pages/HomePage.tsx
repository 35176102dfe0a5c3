import { Badge, Group, Stack, Text, Title } from "@mantine/core";

import { useCurrentSession } from "../auth/session-context";
import { roleLabels } from "../roles";

/** Signed-in home: which organization you are in, and as whom. */
export function HomePage() {
  const { user, organization, role } = useCurrentSession();
  return (
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
  );
}
