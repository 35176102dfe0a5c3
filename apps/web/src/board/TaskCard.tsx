import type { Task } from "@ares/contracts";
import { Badge, Group, Paper, Text } from "@mantine/core";

import { UserAvatar } from "../components/UserAvatar";
import { formatDay } from "../format";
import { PriorityBadge } from "../tasks/PriorityBadge";
import { isDraft } from "../tasks/use-create-task";

/** Props of `TaskCard`. */
export interface TaskCardProps {
  task: Task;
  /** Drawn under the pointer while dragging. */
  lifted?: boolean;
  /** Today's date (YYYY-MM-DD), to mark overdue tasks. */
  today: string;
  /** Whether the task's status counts as finished, so it is never late. */
  finished: boolean;
}

/** What a card shows of a task: key, title, priority, labels, due, assignee. */
export function TaskCard({ task, lifted, today, finished }: TaskCardProps) {
  const draft = isDraft(task);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow={lifted === true ? "lg" : "xs"}
      opacity={draft ? 0.6 : 1}
      style={{ cursor: draft ? "progress" : "grab" }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
        <Text size="xs" c="dimmed" fw={600}>
          {draft ? "Adding…" : task.key}
        </Text>
        <PriorityBadge priority={task.priority} />
      </Group>
      <Text
        size="sm"
        fw={500}
        lineClamp={3}
        style={{ wordBreak: "break-word" }}
      >
        {task.title}
      </Text>
      <CardFooter task={task} today={today} finished={finished} />
    </Paper>
  );
}

function CardFooter({ task, today, finished }: TaskCardProps) {
  const hasFooter =
    task.labels.length > 0 || task.dueDate !== null || task.assignee !== null;
  if (!hasFooter) {
    return null;
  }
  const late = task.dueDate !== null && task.dueDate < today && !finished;
  return (
    <Group justify="space-between" wrap="nowrap" mt="xs" gap="xs">
      <Group gap={4} wrap="wrap" miw={0}>
        {task.labels.map((label) => (
          <Badge key={label} size="xs" variant="default" radius="sm" tt="none">
            {label}
          </Badge>
        ))}
        {task.dueDate !== null && (
          <Text size="xs" c={late ? "red" : "dimmed"} fw={late ? 600 : 400}>
            Due {formatDay(task.dueDate)}
          </Text>
        )}
      </Group>
      {task.assignee !== null && (
        <UserAvatar user={task.assignee} size={22} withTooltip />
      )}
    </Group>
  );
}
