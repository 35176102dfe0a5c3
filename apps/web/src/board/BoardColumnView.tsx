import type { Task, WorkflowStatus } from "@ares/contracts";
import { useDroppable } from "@dnd-kit/core";
import {
  SortableContext,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { Badge, Box, Group, Paper, Stack, Text, Title } from "@mantine/core";

import { columnDropId } from "./board-state";
import { QuickAdd } from "./QuickAdd";
import { SortableTaskCard } from "./SortableTaskCard";

/** Props of `BoardColumnView`. */
export interface BoardColumnViewProps {
  projectId: string;
  status: WorkflowStatus;
  taskIds: readonly string[];
  tasksById: ReadonlyMap<string, Task>;
  today: string;
  canEdit: boolean;
  onOpen: (task: Task) => void;
}

const categoryColors: Record<WorkflowStatus["category"], string> = {
  todo: "gray",
  in_progress: "blue",
  done: "teal",
  cancelled: "red",
};

/** One status column: its cards, a drop zone, and quick add at the bottom. */
export function BoardColumnView(props: BoardColumnViewProps) {
  const { status, taskIds, tasksById } = props;
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(status.key) });
  const headingId = `column-${status.key}`;
  const finished =
    status.category === "done" || status.category === "cancelled";
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      radius="md"
      p="sm"
      w={288}
      miw={288}
      bg={isOver ? "indigo.0" : "gray.0"}
      style={{ transition: "background-color 150ms" }}
    >
      <Group justify="space-between" mb="sm" px={4} wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <Box
            w={8}
            h={8}
            bdrs="xl"
            bg={`${categoryColors[status.category]}.6`}
            aria-hidden="true"
          />
          <Title order={2} size="h6" id={headingId}>
            {status.name}
          </Title>
        </Group>
        <Badge
          variant="default"
          size="sm"
          aria-label={`${String(taskIds.length)} tasks`}
        >
          {taskIds.length}
        </Badge>
      </Group>
      <SortableContext
        items={[...taskIds]}
        strategy={verticalListSortingStrategy}
      >
        <Stack
          component="ul"
          ref={setNodeRef}
          gap="xs"
          mih={56}
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {taskIds.map((id) => {
            const task = tasksById.get(id);
            return (
              task !== undefined && (
                <SortableTaskCard
                  key={id}
                  task={task}
                  today={props.today}
                  finished={finished}
                  canDrag={props.canEdit}
                  onOpen={props.onOpen}
                />
              )
            );
          })}
          {taskIds.length === 0 && <EmptyColumn />}
        </Stack>
      </SortableContext>
      {props.canEdit && (
        <QuickAdd projectId={props.projectId} status={status} />
      )}
    </Paper>
  );
}

function EmptyColumn() {
  return (
    <Box
      component="li"
      aria-hidden="true"
      h={56}
      bdrs="md"
      bd="1px dashed var(--mantine-color-gray-4)"
    >
      <Text size="xs" c="dimmed" ta="center" lh="54px">
        No tasks
      </Text>
    </Box>
  );
}
