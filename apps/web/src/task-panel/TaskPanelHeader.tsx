import type { Project, Task } from "@ares/contracts";
import {
  ActionIcon,
  CopyButton,
  Drawer,
  Group,
  Menu,
  Text,
  Tooltip,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

import { useCurrentSession } from "../auth/session-context";
import { ConfirmModal } from "../components/ConfirmModal";
import { CheckIcon, DotsIcon, LinkIcon } from "../components/icons";
import { formatDateTime } from "../format";
import type { Viewer } from "../realtime/live-events";
import { ViewerAvatars } from "../realtime/ViewerAvatars";
import { useDeleteTask } from "../tasks/use-delete-task";
import { useWorkspaceRights } from "../workspaces/workspace-rights";

/** Props of `TaskPanelHeader`. */
export interface TaskPanelHeaderProps {
  project: Project;
  task: Task;
  /** Who is looking at the project now; those on this task are shown. */
  viewers: readonly Viewer[];
  onClose: () => void;
}

/**
 * The panel's top bar: the task's key, who made it, who else has it open,
 * its link and actions.
 */
export function TaskPanelHeader({
  project,
  task,
  viewers,
  onClose,
}: TaskPanelHeaderProps) {
  return (
    <Drawer.Header>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Drawer.Title fw={700} c="dimmed">
          {task.key}
        </Drawer.Title>
        <Text size="xs" c="dimmed" truncate visibleFrom="xs">
          {task.createdBy === null
            ? `Created ${formatDateTime(task.createdAt)}`
            : `Created by ${task.createdBy.name}, ${formatDateTime(task.createdAt)}`}
        </Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <ViewerAvatars
          viewers={viewers}
          taskId={task.id}
          label="Also viewing this task"
        />
        <CopyLinkButton />
        <TaskMenu project={project} task={task} onDeleted={onClose} />
        <Drawer.CloseButton aria-label="Close the task" />
      </Group>
    </Drawer.Header>
  );
}

function CopyLinkButton() {
  return (
    <CopyButton value={window.location.href}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? "Link copied" : "Copy link"} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? "teal" : "gray"}
            onClick={copy}
            aria-label="Copy link to this task"
          >
            {copied ? <CheckIcon /> : <LinkIcon />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

interface TaskMenuProps {
  project: Project;
  task: Task;
  onDeleted: () => void;
}

function TaskMenu({ project, task, onDeleted }: TaskMenuProps) {
  const { user } = useCurrentSession();
  const rights = useWorkspaceRights(project.workspaceId);
  const [confirming, { open, close }] = useDisclosure(false);
  const remove = useDeleteTask(project.id);
  const mayDelete =
    rights.canManage ||
    (rights.canContribute && task.createdBy?.id === user.id);

  function handleConfirm() {
    remove.mutate(task);
    close();
    onDeleted();
  }

  if (!mayDelete) {
    return null;
  }
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="Task actions">
            <DotsIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item color="red" onClick={open}>
            Delete task
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirming}
        title={`Delete ${task.key}?`}
        message="The task and its comments will be gone for everyone."
        confirmLabel="Delete task"
        isConfirming={remove.isPending}
        onConfirm={handleConfirm}
        onClose={close}
      />
    </>
  );
}
