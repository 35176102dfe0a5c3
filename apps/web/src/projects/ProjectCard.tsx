import type { Project } from "@ares/contracts";
import { ActionIcon, Badge, Card, Group, Menu, Text } from "@mantine/core";
import { Link } from "react-router";

import { DotsIcon } from "../components/icons";

import { useSetArchived } from "./project-queries";

/** Props of `ProjectCard`. */
export interface ProjectCardProps {
  project: Project;
  /** Shows the archive and restore actions. */
  canManage: boolean;
}

/** A project in a workspace: its key, name and description. */
export function ProjectCard({ project, canManage }: ProjectCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" pos="relative">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {project.key}
          </Badge>
          <Text
            component={Link}
            to={`/projects/${project.id}`}
            fw={600}
            truncate
          >
            {project.name}
          </Text>
        </Group>
        {canManage && <ProjectMenu project={project} />}
      </Group>
      <Text size="sm" c="dimmed" mt="xs" lineClamp={2} mih={40}>
        {project.description || "No description"}
      </Text>
      {project.archived && (
        <Badge color="gray" variant="outline" size="sm" mt="xs">
          Archived
        </Badge>
      )}
    </Card>
  );
}

interface ProjectMenuProps {
  project: Project;
}

function ProjectMenu({ project }: ProjectMenuProps) {
  const setArchived = useSetArchived();

  function handleToggle() {
    setArchived.mutate({ project, archived: !project.archived });
  }

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          loading={setArchived.isPending}
          aria-label={`Actions for ${project.name}`}
        >
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={handleToggle}>
          {project.archived ? "Unarchive" : "Archive"}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
