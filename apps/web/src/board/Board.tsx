import type { Project, Task } from "@ares/contracts";
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type KeyboardCodes,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { Box, Group } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";

import { useMoveTask } from "../tasks/use-move-task";
import { boardAnnouncements, boardInstructions } from "./board-announcements";
import { boardColumns, isSamePlace, type BoardMove } from "./board-state";
import { BoardColumnView } from "./BoardColumnView";
import { TaskCard } from "./TaskCard";
import { useBoardDrag } from "./use-board-drag";

/** Props of `Board`. */
export interface BoardProps {
  project: Project;
  tasks: Task[];
  /** False for people who may only read: no dragging, no quick add. */
  canEdit: boolean;
}

/** Space picks a card up and drops it; Enter is left to open the task. */
const keyboardCodes: KeyboardCodes = {
  start: ["Space"],
  cancel: ["Escape"],
  end: ["Space"],
};

/** Today as YYYY-MM-DD in the reader's zone, to spot late tasks. */
function localToday(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/**
 * The project's board: a column per status, cards that drag between and
 * within columns by pointer or keyboard, each drop saved as a move.
 */
export function Board({ project, tasks, canEdit }: BoardProps) {
  const columns = boardColumns(project.workflow, tasks);
  const tasksById = new Map(tasks.map((task) => [task.id, task]));
  const move = useMoveTask(project.id);
  const navigate = useNavigate();
  const location = useLocation();
  const drag = useBoardDrag(tasks, columns, handleMove);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes,
    }),
  );
  const names = {
    task: (id: string) => tasksById.get(id)?.title ?? "The task",
    column: (status: string) =>
      project.workflow.find(({ key }) => key === status)?.name ?? status,
  };
  const today = localToday();
  const active =
    drag.activeId === null ? undefined : tasksById.get(drag.activeId);

  function handleMove(target: BoardMove) {
    const task = tasksById.get(target.taskId);
    if (task !== undefined && !isSamePlace(tasks, target)) {
      move.mutate({ ...target, startedFrom: task.version, taskKey: task.key });
    }
  }

  function handleOpen(task: Task) {
    void navigate(`/projects/${project.id}/tasks/${task.id}${location.search}`);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={drag.handleDragStart}
      onDragOver={drag.handleDragOver}
      onDragEnd={drag.handleDragEnd}
      onDragCancel={drag.handleDragCancel}
      accessibility={{
        announcements: boardAnnouncements(drag.ids, names),
        screenReaderInstructions: boardInstructions,
      }}
    >
      <Box style={{ overflowX: "auto" }} pb="md" mx="-md" px="md">
        <Group align="flex-start" wrap="nowrap" gap="md">
          {columns.map(({ status }) => (
            <BoardColumnView
              key={status.key}
              projectId={project.id}
              status={status}
              taskIds={drag.ids[status.key] ?? []}
              tasksById={tasksById}
              today={today}
              canEdit={canEdit}
              onOpen={handleOpen}
            />
          ))}
        </Group>
      </Box>
      <DragOverlay>
        {active !== undefined && (
          <TaskCard task={active} lifted today={today} finished={false} />
        )}
      </DragOverlay>
    </DndContext>
  );
}
