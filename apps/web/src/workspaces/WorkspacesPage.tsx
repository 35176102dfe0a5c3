import type { Workspace } from "@ares/contracts";
import {
  Badge,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link } from "react-router";

import { useCurrentSession } from "../auth/session-context";
import { EmptyNote } from "../components/EmptyNote";
import { SectionError } from "../components/SectionError";
import { canManagePeople } from "../roles";
import { NewWorkspaceButton } from "./NewWorkspaceButton";
import { useWorkspaces } from "./workspace-queries";

/** Every workspace the person can see; owners and admins create more. */
export function WorkspacesPage() {
  const { role } = useCurrentSession();
  const canCreate = canManagePeople(role);
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>Workspaces</Title>
          <Text c="dimmed">
            Workspaces group the projects of a team and the people on it.
          </Text>
        </Stack>
        {canCreate && <NewWorkspaceButton />}
      </Group>
      <WorkspaceList canCreate={canCreate} />
    </Stack>
  );
}

interface WorkspaceListProps {
  canCreate: boolean;
}

function WorkspaceList({ canCreate }: WorkspaceListProps) {
  const workspaces = useWorkspaces();

  function handleRetry() {
    void workspaces.refetch();
  }

  if (workspaces.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-label="Loading">
        {[1, 2, 3].map((n) => (
          <Skeleton key={n} height={112} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  if (workspaces.isError) {
    return (
      <SectionError
        title="Could not load the workspaces"
        error={workspaces.error}
        onRetry={handleRetry}
      />
    );
  }
  if (workspaces.data.length === 0) {
    return (
      <EmptyNote
        title={
          canCreate ? "No workspaces yet — create one" : "No workspaces yet"
        }
        description={
          canCreate
            ? "Create one for each team, then add its projects."
            : "An owner or admin will add you to a workspace."
        }
      />
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {workspaces.data.map((workspace) => (
        <WorkspaceCard key={workspace.id} workspace={workspace} />
      ))}
    </SimpleGrid>
  );
}

interface WorkspaceCardProps {
  workspace: Workspace;
}

function WorkspaceCard({ workspace }: WorkspaceCardProps) {
  const count = workspace.projectCount;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component={Link}
      to={`/workspaces/${workspace.id}`}
      aria-label={workspace.name}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} size="lg" truncate>
          {workspace.name}
        </Text>
        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
          {count === 1 ? "1 project" : `${String(count)} projects`}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={6} lineClamp={2} mih={40}>
        {workspace.description || "No description"}
      </Text>
    </Card>
  );
}
