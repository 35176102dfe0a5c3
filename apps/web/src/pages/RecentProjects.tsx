import type { Project } from "@ares/contracts";
import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link } from "react-router";

import { EmptyNote } from "../components/EmptyNote";
import { SectionError } from "../components/SectionError";
import { formatRelative } from "../format";
import { useProjects } from "../projects/project-queries";

/** How many recently changed projects the home page shows. */
const shown = 6;

/** The active projects most recently changed, newest first. */
export function recentProjects(projects: readonly Project[]): Project[] {
  return [...projects]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, shown);
}

/** The home page's shortcut to the projects worked on lately. */
export function RecentProjects() {
  const projects = useProjects({ archived: "false" });

  function handleRetry() {
    void projects.refetch();
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="recent-projects">
      <Title order={2} size="h4" id="recent-projects">
        Recent projects
      </Title>
      {projects.isPending && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Skeleton height={72} radius="md" />
          <Skeleton height={72} radius="md" />
        </SimpleGrid>
      )}
      {projects.isError && (
        <SectionError
          title="Could not load your projects"
          error={projects.error}
          onRetry={handleRetry}
        />
      )}
      {projects.isSuccess && projects.data.length === 0 && (
        <EmptyNote
          title="No projects yet"
          description={
            <>
              Projects live in{" "}
              <Anchor component={Link} to="/workspaces">
                workspaces
              </Anchor>
              ; open one to create the first.
            </>
          }
        />
      )}
      {projects.isSuccess && projects.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {recentProjects(projects.data).map((project) => (
            <ProjectLink key={project.id} project={project} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

interface ProjectLinkProps {
  project: Project;
}

function ProjectLink({ project }: ProjectLinkProps) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component={Link}
      to={`/projects/${project.id}`}
    >
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
          {project.key}
        </Badge>
        <Text fw={600} truncate>
          {project.name}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        Changed {formatRelative(project.updatedAt)}
      </Text>
    </Card>
  );
}
