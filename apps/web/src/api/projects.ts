import {
  projectListSchema,
  projectSchema,
  type CreateProjectRequest,
  type Project,
  type UpdateProjectRequest,
} from "@ares/contracts";

import { apiRequest } from "./client";

/** Which projects a list shows, by whether they are archived. */
export type ArchivedFilter = "false" | "true" | "all";

/** What `fetchProjects` filters on. */
export interface ProjectFilter {
  workspaceId?: string;
  archived: ArchivedFilter;
}

/** The projects the signed-in person can see, by name. */
export async function fetchProjects(
  filter: ProjectFilter,
  signal?: AbortSignal,
): Promise<Project[]> {
  const query = new URLSearchParams({ archived: filter.archived });
  if (filter.workspaceId !== undefined) {
    query.set("workspaceId", filter.workspaceId);
  }
  const list = await apiRequest(
    `/projects?${query.toString()}`,
    projectListSchema,
    { signal },
  );
  return list.projects;
}

/** One project with its workflow. */
export function fetchProject(
  id: string,
  signal?: AbortSignal,
): Promise<Project> {
  return apiRequest(`/projects/${encodeURIComponent(id)}`, projectSchema, {
    signal,
  });
}

/** Creates a project in a workspace the person manages. */
export function createProject(input: CreateProjectRequest): Promise<Project> {
  return apiRequest("/projects", projectSchema, {
    method: "POST",
    body: input,
  });
}

/** Changes, archives or restores a project, from the version seen. */
export function updateProject(
  id: string,
  input: UpdateProjectRequest,
): Promise<Project> {
  return apiRequest(`/projects/${encodeURIComponent(id)}`, projectSchema, {
    method: "PATCH",
    body: input,
  });
}
