import type { Workspace, WorkspaceRole } from "@ares/contracts";
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from "@tanstack/react-query";

import {
  fetchWorkspace,
  fetchWorkspaceMembers,
  fetchWorkspaces,
  putWorkspaceMember,
  removeWorkspaceMember,
  type WorkspaceMember,
} from "../api/workspaces";
import { notifyFailure, notifySuccess } from "../notify";

/** Cache keys of workspaces and their members. */
export const workspaceKeys = {
  all: ["workspaces"] as const,
  detail: (id: string) => ["workspaces", id] as const,
  members: (id: string) => ["workspaces", id, "members"] as const,
};

/** Loads the workspaces the signed-in person can see. */
export function useWorkspaces(): UseQueryResult<Workspace[]> {
  return useQuery({
    queryKey: workspaceKeys.all,
    queryFn: ({ signal }) => fetchWorkspaces(signal),
  });
}

/** Loads one workspace. */
export function useWorkspace(id: string): UseQueryResult<Workspace> {
  return useQuery({
    queryKey: workspaceKeys.detail(id),
    queryFn: ({ signal }) => fetchWorkspace(id, signal),
  });
}

/** Loads the people added to a workspace. */
export function useWorkspaceMembers(
  id: string,
): UseQueryResult<WorkspaceMember[]> {
  return useQuery({
    queryKey: workspaceKeys.members(id),
    queryFn: ({ signal }) => fetchWorkspaceMembers(id, signal),
  });
}

/** Adds someone to a workspace (or changes their role there). */
export function useAddWorkspaceMember(
  workspaceId: string,
): UseMutationResult<
  WorkspaceMember,
  Error,
  { userId: string; role: WorkspaceRole }
> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => putWorkspaceMember(workspaceId, input),
    onSuccess: (member) => {
      notifySuccess(`${member.user.name} is in this workspace now.`);
    },
    onError: (error) => {
      notifyFailure("Could not add them", error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: workspaceKeys.members(workspaceId),
      }),
  });
}

/** Takes someone out of a workspace. */
export function useRemoveWorkspaceMember(
  workspaceId: string,
): UseMutationResult<void, Error, WorkspaceMember> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member) => removeWorkspaceMember(workspaceId, member.user.id),
    onSuccess: (_nothing, member) => {
      notifySuccess(`${member.user.name} was taken out of this workspace.`);
    },
    onError: (error, member) => {
      notifyFailure(`Could not remove ${member.user.name}`, error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: workspaceKeys.members(workspaceId),
      }),
  });
}
