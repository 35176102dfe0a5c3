import type { Project } from "@ares/contracts";
import { Group, Skeleton, Stack } from "@mantine/core";

import { SectionError } from "../components/SectionError";
import { useBoardTasks } from "../tasks/task-queries";
import { Board } from "./Board";

/** Props of `BoardView`. */
export interface BoardViewProps {
  project: Project;
  canEdit: boolean;
}

/** The board tab: the board once its tasks load, or why they did not. */
export function BoardView({ project, canEdit }: BoardViewProps) {
  const tasks = useBoardTasks(project.id);

  function handleRetry() {
    void tasks.refetch();
  }

  if (tasks.isPending) {
    return <BoardSkeleton columns={project.workflow.length} />;
  }
  if (tasks.isError) {
    return (
      <SectionError
        title="Could not load the board"
        error={tasks.error}
        onRetry={handleRetry}
      />
    );
  }
  return <Board project={project} tasks={tasks.data} canEdit={canEdit} />;
}

interface BoardSkeletonProps {
  columns: number;
}

function BoardSkeleton({ columns }: BoardSkeletonProps) {
  return (
    <Group
      align="flex-start"
      wrap="nowrap"
      gap="md"
      style={{ overflow: "hidden" }}
      aria-label="Loading the board"
      role="status"
    >
      {Array.from({ length: columns }, (_, index) => (
        <Stack key={index} w={288} miw={288} gap="xs">
          <Skeleton height={24} width="50%" />
          <Skeleton height={84} radius="md" />
          <Skeleton height={84} radius="md" />
        </Stack>
      ))}
    </Group>
  );
}
