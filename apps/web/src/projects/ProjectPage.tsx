import type { Project } from "@ares/contracts";
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Group,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { Link, Outlet, useParams, useSearchParams } from "react-router";

import { BoardView } from "../board/BoardView";
import { ErrorState } from "../components/ErrorState";
import type { Viewer } from "../realtime/live-events";
import { useProjectChannel } from "../realtime/use-project-channel";
import { ViewerAvatars } from "../realtime/ViewerAvatars";
import { TaskListView } from "../task-list/TaskListView";
import { useWorkspace } from "../workspaces/workspace-queries";
import { useWorkspaceRights } from "../workspaces/workspace-rights";
import { useProject } from "./project-queries";

type View = "board" | "list";

/**
 * A project: its board or its list of tasks, and the task opened from
 * either in a side panel (a child route, so it can be linked to). Both
 * follow the project live while it is open.
 */
export function ProjectPage() {
  const { projectId = "" } = useParams();
  const project = useProject(projectId);

  function handleRetry() {
    void project.refetch();
  }

  if (project.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the project">
        <Skeleton height={16} width={220} />
        <Skeleton height={36} width={320} />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (project.isError) {
    return (
      <ErrorState
        title="Could not open this project"
        message={project.error.message}
        onRetry={handleRetry}
      />
    );
  }
  return <ProjectContent project={project.data} />;
}

interface ProjectContentProps {
  project: Project;
}

function ProjectContent({ project }: ProjectContentProps) {
  const [search, setSearch] = useSearchParams();
  const view: View = search.get("view") === "list" ? "list" : "board";
  const rights = useWorkspaceRights(project.workspaceId);
  const viewers = useProjectChannel(project.id);

  function handleViewChange(value: string | null) {
    setSearch(value === "list" ? { view: "list" } : {}, { replace: true });
  }

  return (
    <Stack gap="md">
      <ProjectHeader project={project} viewers={viewers} />
      {project.archived && (
        <Alert color="gray" title="This project is archived">
          Its tasks stay readable. A workspace admin can unarchive it from the
          workspace page.
        </Alert>
      )}
      <Tabs value={view} onChange={handleViewChange} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="board">Board</Tabs.Tab>
          <Tabs.Tab value="list">List</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board">
          <BoardView project={project} canEdit={rights.canContribute} />
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <TaskListView project={project} />
        </Tabs.Panel>
      </Tabs>
      <Outlet context={project} />
    </Stack>
  );
}

interface ProjectHeaderProps {
  project: Project;
  /** Who is looking at the project now. */
  viewers: readonly Viewer[];
}

function ProjectHeader({ project, viewers }: ProjectHeaderProps) {
  const workspace = useWorkspace(project.workspaceId);
  return (
    <Stack gap={4}>
      <Breadcrumbs>
        <Anchor component={Link} to="/workspaces" size="sm">
          Workspaces
        </Anchor>
        <Anchor
          component={Link}
          to={`/workspaces/${project.workspaceId}`}
          size="sm"
        >
          {workspace.data?.name ?? "Workspace"}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Badge variant="light" size="lg" radius="sm">
            {project.key}
          </Badge>
          <Title order={1} size="h2">
            {project.name}
          </Title>
        </Group>
        <ViewerAvatars viewers={viewers} label="Also viewing this project" />
      </Group>
      {project.description !== "" && (
        <Text c="dimmed" size="sm">
          {project.description}
        </Text>
      )}
    </Stack>
  );
}
