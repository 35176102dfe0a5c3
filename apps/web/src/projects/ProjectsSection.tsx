import {
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Title,
} from "@mantine/core";
import { useState } from "react";

import type { ArchivedFilter } from "../api/projects";
import { EmptyNote } from "../components/EmptyNote";
import { SectionError } from "../components/SectionError";
import { NewProjectButton } from "./NewProjectButton";
import { ProjectCard } from "./ProjectCard";
import { useProjects } from "./project-queries";

/** Props of `ProjectsSection`. */
export interface ProjectsSectionProps {
  workspaceId: string;
  canManage: boolean;
}

const views = [
  { value: "false", label: "Active" },
  { value: "true", label: "Archived" },
];

/** A workspace's projects, active or archived, and a way to add one. */
export function ProjectsSection({
  workspaceId,
  canManage,
}: ProjectsSectionProps) {
  const [archived, setArchived] = useState<ArchivedFilter>("false");

  function handleViewChange(value: string) {
    setArchived(value === "true" ? "true" : "false");
  }

  return (
    <Stack component="section" aria-labelledby="projects" gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3" id="projects">
          Projects
        </Title>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            data={views}
            value={archived}
            onChange={handleViewChange}
            aria-label="Which projects"
          />
          {canManage && <NewProjectButton workspaceId={workspaceId} />}
        </Group>
      </Group>
      <ProjectGrid
        workspaceId={workspaceId}
        archived={archived}
        canManage={canManage}
      />
    </Stack>
  );
}

interface ProjectGridProps extends ProjectsSectionProps {
  archived: ArchivedFilter;
}

function ProjectGrid({ workspaceId, archived, canManage }: ProjectGridProps) {
  const projects = useProjects({ workspaceId, archived });

  function handleRetry() {
    void projects.refetch();
  }

  if (projects.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }} aria-label="Loading projects">
        <Skeleton height={120} radius="md" />
        <Skeleton height={120} radius="md" />
      </SimpleGrid>
    );
  }
  if (projects.isError) {
    return (
      <SectionError
        title="Could not load the projects"
        error={projects.error}
        onRetry={handleRetry}
      />
    );
  }
  if (projects.data.length === 0) {
    return (
      <NoProjects
        archived={archived}
        canManage={canManage}
        workspaceId={workspaceId}
      />
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {projects.data.map((project) => (
        <ProjectCard key={project.id} project={project} canManage={canManage} />
      ))}
    </SimpleGrid>
  );
}

function NoProjects({ archived, canManage }: ProjectGridProps) {
  if (archived === "true") {
    return (
      <EmptyNote
        title="No archived projects"
        description="Projects you archive are kept here."
      />
    );
  }
  return (
    <EmptyNote
      title={canManage ? "No projects yet — create one" : "No projects yet"}
      description={
        canManage
          ? "A project holds a board of tasks with its own key, like ENG-42."
          : "A workspace admin will create the first one."
      }
    />
  );
}
