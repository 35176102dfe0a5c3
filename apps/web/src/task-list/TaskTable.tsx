import type { Project, Task } from "@ares/contracts";
import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link, useLocation } from "react-router";

import { UserAvatar } from "../components/UserAvatar";
import { formatDay, formatRelative } from "../format";
import { PriorityBadge } from "../tasks/PriorityBadge";
import type { TaskSort, TaskSortKey } from "./list-query";
import { SortHeader } from "./SortHeader";

/** Props of `TaskTable`. */
export interface TaskTableProps {
  project: Project;
  tasks: Task[];
  sort: TaskSort;
  onSort: (column: TaskSortKey) => void;
}

/** Tasks as rows; headers of sortable columns sort the list. */
export function TaskTable({ project, tasks, sort, onSort }: TaskTableProps) {
  const statusNames = new Map(
    project.workflow.map((status) => [status.key, status.name]),
  );
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="created" sort={sort} onSort={onSort}>
              Key
            </SortHeader>
            <Table.Th>Title</Table.Th>
            <SortHeader column="position" sort={sort} onSort={onSort}>
              Status
            </SortHeader>
            <SortHeader column="priority" sort={sort} onSort={onSort}>
              Priority
            </SortHeader>
            <Table.Th>Assignee</Table.Th>
            <SortHeader column="due" sort={sort} onSort={onSort}>
              Due
            </SortHeader>
            <SortHeader column="updated" sort={sort} onSort={onSort}>
              Updated
            </SortHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              statusName={statusNames.get(task.status) ?? task.status}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface TaskRowProps {
  task: Task;
  statusName: string;
}

function TaskRow({ task, statusName }: TaskRowProps) {
  const location = useLocation();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" c="dimmed" fw={600} style={{ whiteSpace: "nowrap" }}>
          {task.key}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <Anchor
            component={Link}
            to={`/projects/${task.projectId}/tasks/${task.id}${location.search}`}
            size="sm"
            fw={500}
            c="var(--mantine-color-text)"
          >
            {task.title}
          </Anchor>
          {task.labels.map((label) => (
            <Badge
              key={label}
              size="xs"
              variant="default"
              radius="sm"
              tt="none"
            >
              {label}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray" radius="sm">
          {statusName}
        </Badge>
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={task.priority} />
      </Table.Td>
      <Table.Td>
        {task.assignee === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Group gap={6} wrap="nowrap">
            <UserAvatar user={task.assignee} size={22} />
            <Text size="sm" truncate maw={140}>
              {task.assignee.name}
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {task.dueDate === null ? "—" : formatDay(task.dueDate)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {formatRelative(task.updatedAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
