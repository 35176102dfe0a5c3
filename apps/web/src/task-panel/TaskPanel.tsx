import type { Project, Task } from "@ares/contracts";
import { Divider, Drawer, Skeleton, Stack } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import {
  useLocation,
  useNavigate,
  useOutletContext,
  useParams,
} from "react-router";

import { ActivitySection } from "../activity/ActivitySection";
import { CommentsSection } from "../comments/CommentsSection";
import { SectionError } from "../components/SectionError";
import type { Viewer } from "../realtime/live-events";
import { useProjectChannel } from "../realtime/use-project-channel";
import { useTask } from "../tasks/task-queries";
import { useWorkspaceRights } from "../workspaces/workspace-rights";
import { ConflictDialog } from "./ConflictDialog";
import { DescriptionField } from "./DescriptionField";
import { TaskPanelHeader } from "./TaskPanelHeader";
import { TaskProperties } from "./TaskProperties";
import { TitleField } from "./TitleField";
import { useTaskEditor } from "./use-task-editor";

/**
 * The task opened from the board or the list, in a side panel over the
 * project; its address can be shared and reloaded. The project's room is
 * told the task is open, so others see who is on it.
 */
export function TaskPanel() {
  const project = useOutletContext<Project>();
  const { taskId = "" } = useParams();
  const task = useTask(project.id, taskId);
  const viewers = useProjectChannel(project.id, taskId);
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useMediaQuery("(max-width: 48em)");

  function handleClose() {
    void navigate(`/projects/${project.id}${location.search}`);
  }

  function handleRetry() {
    void task.refetch();
  }

  return (
    <Drawer.Root
      opened
      onClose={handleClose}
      position="right"
      size={narrow ? "100%" : 640}
    >
      <Drawer.Overlay backgroundOpacity={0.2} />
      <Drawer.Content aria-label={task.data?.key ?? "Task"}>
        {task.data !== undefined ? (
          <TaskDetail
            project={project}
            task={task.data}
            viewers={viewers}
            onClose={handleClose}
          />
        ) : (
          <Drawer.Body pt="md">
            {task.isError ? (
              <SectionError
                title="Could not open this task"
                error={task.error}
                onRetry={handleRetry}
              />
            ) : (
              <PanelSkeleton />
            )}
          </Drawer.Body>
        )}
      </Drawer.Content>
    </Drawer.Root>
  );
}

interface TaskDetailProps {
  project: Project;
  task: Task;
  /** Who is looking at the project now, and at which task. */
  viewers: readonly Viewer[];
  onClose: () => void;
}

function TaskDetail({ project, task, viewers, onClose }: TaskDetailProps) {
  const editor = useTaskEditor(task);
  const rights = useWorkspaceRights(project.workspaceId);
  const readOnly = !rights.canContribute;
  return (
    <>
      <TaskPanelHeader
        project={project}
        task={task}
        viewers={viewers}
        onClose={onClose}
      />
      <Drawer.Body>
        <Stack gap="lg">
          <TitleField
            task={task}
            readOnly={readOnly}
            error={editor.fieldErrors.title}
            onSave={editor.save}
          />
          <TaskProperties
            project={project}
            task={task}
            readOnly={readOnly}
            fieldErrors={editor.fieldErrors}
            onSave={editor.save}
          />
          <DescriptionField
            task={task}
            readOnly={readOnly}
            error={editor.fieldErrors.description}
            onSave={editor.save}
          />
          <Divider />
          <CommentsSection
            taskId={task.id}
            canContribute={rights.canContribute}
            canManage={rights.canManage}
          />
          <Divider />
          <ActivitySection project={project} taskId={task.id} />
        </Stack>
      </Drawer.Body>
      {editor.conflict !== null && (
        <ConflictDialog
          project={project}
          conflict={editor.conflict}
          onResolve={editor.resolve}
        />
      )}
    </>
  );
}

function PanelSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the task">
      <Skeleton height={28} width="70%" />
      <Skeleton height={120} />
      <Skeleton height={160} />
    </Stack>
  );
}
