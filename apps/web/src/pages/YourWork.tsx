import {
  Anchor,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router";

import { fetchTaskPage } from "../api/tasks";
import { formatDay } from "../format";
import { useProjects } from "../projects/project-queries";
import { PriorityBadge } from "../tasks/PriorityBadge";
import { recentProjects } from "./RecentProjects";
import { openWork, workShown, type WorkItem } from "./your-work";

/**
 * The tasks assigned to the reader in their recent projects. The API lists
 * tasks one project at a time, so older projects are not searched.
 */
export function YourWork() {
  const projects = useProjects({ archived: "false" });
  const recent =
    projects.data === undefined ? [] : recentProjects(projects.data);
  const pages = useQueries({
    queries: recent.map((project) => ({
      queryKey: ["tasks", project.id, "assigned-to-me"],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchTaskPage(
          project.id,
          { assigneeId: "me", sort: "due", order: "asc", limit: workShown },
          signal,
        ),
    })),
  });
  if (recent.length === 0) {
    return null;
  }
  const loading = pages.some((page) => page.isPending);
  const items = openWork(
    recent.flatMap((project, index) =>
      (pages[index]?.data?.tasks ?? []).map((task) => ({ task, project })),
    ),
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="your-work">
      <Title order={2} size="h4" id="your-work">
        Your work
      </Title>
      {loading && <Skeleton height={96} radius="md" />}
      {!loading && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing is assigned to you in your recent projects.
        </Text>
      )}
      {!loading && items.length > 0 && <WorkList items={items} />}
    </Stack>
  );
}

interface WorkListProps {
  items: WorkItem[];
}

function WorkList({ items }: WorkListProps) {
  return (
    <Paper withBorder radius="md">
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((item, index) => (
          <WorkRow key={item.task.id} {...item} divided={index > 0} />
        ))}
      </Stack>
    </Paper>
  );
}

interface WorkRowProps extends WorkItem {
  /** Draws a line above the row, between it and the one before. */
  divided: boolean;
}

function WorkRow({ task, project, divided }: WorkRowProps) {
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      px="md"
      py="sm"
      style={{
        borderTop: divided
          ? "1px solid var(--mantine-color-default-border)"
          : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Text size="sm" c="dimmed" fw={600} style={{ flexShrink: 0 }}>
          {task.key}
        </Text>
        <Anchor
          component={Link}
          to={`/projects/${project.id}/tasks/${task.id}`}
          size="sm"
          truncate
        >
          {task.title}
        </Anchor>
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <PriorityBadge priority={task.priority} />
        {task.dueDate !== null && (
          <Text size="xs" c="dimmed">
            Due {formatDay(task.dueDate)}
          </Text>
        )}
      </Group>
    </Group>
  );
}
