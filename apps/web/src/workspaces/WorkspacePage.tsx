import {
  Anchor,
  Breadcrumbs,
  Grid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link, useParams } from "react-router";

import { ErrorState } from "../components/ErrorState";
import { ProjectsSection } from "../projects/ProjectsSection";
import { WorkspaceMembersPanel } from "./WorkspaceMembersPanel";
import { useWorkspace } from "./workspace-queries";
import { useWorkspaceRights } from "./workspace-rights";

/** One workspace: its projects and the people in it. */
export function WorkspacePage() {
  const { workspaceId = "" } = useParams();
  const workspace = useWorkspace(workspaceId);
  const rights = useWorkspaceRights(workspaceId);

  function handleRetry() {
    void workspace.refetch();
  }

  if (workspace.isError) {
    return (
      <ErrorState
        title="Could not open this workspace"
        message={workspace.error.message}
        onRetry={handleRetry}
      />
    );
  }
  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to="/workspaces" size="sm">
          Workspaces
        </Anchor>
        <Text size="sm" c="dimmed">
          {workspace.data?.name ?? "…"}
        </Text>
      </Breadcrumbs>
      {workspace.isPending ? (
        <Skeleton height={56} width="40%" aria-label="Loading the workspace" />
      ) : (
        <Stack gap={4}>
          <Title order={1}>{workspace.data.name}</Title>
          {workspace.data.description !== "" && (
            <Text c="dimmed">{workspace.data.description}</Text>
          )}
        </Stack>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ProjectsSection
            workspaceId={workspaceId}
            canManage={rights.canManage}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <WorkspaceMembersPanel
            workspaceId={workspaceId}
            canManage={rights.canManage}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
