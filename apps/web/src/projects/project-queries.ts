import type { Project } from "@ares/contracts";
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from "@tanstack/react-query";

import {
  fetchProject,
  fetchProjects,
  updateProject,
  type ProjectFilter,
} from "../api/projects";
import { notifyFailure, notifySuccess } from "../notify";
import { workspaceKeys } from "../workspaces/workspace-queries";

/** Cache keys of projects. */
export const projectKeys = {
  all: ["projects"] as const,
  lists: ["projects", "list"] as const,
  list: (filter: ProjectFilter) => ["projects", "list", filter] as const,
  detail: (id: string) => ["projects", "detail", id] as const,
};

/** Loads the projects the signed-in person can see, filtered. */
export function useProjects(filter: ProjectFilter): UseQueryResult<Project[]> {
  return useQuery({
    queryKey: projectKeys.list(filter),
    queryFn: ({ signal }) => fetchProjects(filter, signal),
  });
}

/** Loads one project with its workflow. */
export function useProject(id: string): UseQueryResult<Project> {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => fetchProject(id, signal),
  });
}

/** Archives a project, or brings it back, from the version shown. */
export function useSetArchived(): UseMutationResult<
  Project,
  Error,
  { project: Project; archived: boolean }
> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ project, archived }) =>
      updateProject(project.id, { baseVersion: project.version, archived }),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      notifySuccess(
        project.archived
          ? `${project.name} was archived.`
          : `${project.name} is active again.`,
      );
    },
    onError: (error, { project }) => {
      notifyFailure(`Could not change ${project.name}`, error);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}
