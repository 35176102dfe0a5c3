import {
  workspaceListSchema,
  workspaceMemberListSchema,
  workspaceMemberSchema,
  workspaceSchema,
  type CreateWorkspaceRequest,
  type Workspace,
  type WorkspaceRole,
} from "@ares/contracts";
import type { z } from "zod";

import { apiCommand, apiRequest } from "./client";

/** Someone added to a workspace, with their role there. */
export type WorkspaceMember = z.infer<typeof workspaceMemberSchema>;

const pathOf = (id: string) => `/workspaces/${encodeURIComponent(id)}`;

/** The workspaces the signed-in person can see, by name. */
export async function fetchWorkspaces(
  signal?: AbortSignal,
): Promise<Workspace[]> {
  const list = await apiRequest("/workspaces", workspaceListSchema, {
    signal,
  });
  return list.workspaces;
}

/** One workspace. */
export function fetchWorkspace(
  id: string,
  signal?: AbortSignal,
): Promise<Workspace> {
  return apiRequest(pathOf(id), workspaceSchema, { signal });
}

/** Creates a workspace; its creator becomes one of its admins. */
export function createWorkspace(
  input: CreateWorkspaceRequest,
): Promise<Workspace> {
  return apiRequest("/workspaces", workspaceSchema, {
    method: "POST",
    body: input,
  });
}

/** The people added to a workspace. */
export async function fetchWorkspaceMembers(
  id: string,
  signal?: AbortSignal,
): Promise<WorkspaceMember[]> {
  const list = await apiRequest(
    `${pathOf(id)}/members`,
    workspaceMemberListSchema,
    { signal },
  );
  return list.members;
}

/** Adds a member of the organization to a workspace, or changes their role. */
export function putWorkspaceMember(
  workspaceId: string,
  input: { userId: string; role: WorkspaceRole },
): Promise<WorkspaceMember> {
  return apiRequest(`${pathOf(workspaceId)}/members`, workspaceMemberSchema, {
    method: "POST",
    body: input,
  });
}

/** Takes someone out of a workspace; anyone may take themselves out. */
export function removeWorkspaceMember(
  workspaceId: string,
  userId: string,
): Promise<void> {
  return apiCommand(
    `${pathOf(workspaceId)}/members/${encodeURIComponent(userId)}`,
    { method: "DELETE" },
  );
}
