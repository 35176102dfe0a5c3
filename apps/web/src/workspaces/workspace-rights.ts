import type { Role, WorkspaceRole } from "@ares/contracts";

import { useCurrentSession } from "../auth/session-context";
import { isAtLeast } from "../roles";
import { useWorkspaceMembers } from "./workspace-queries";

/** What the signed-in person may do in one workspace. */
export interface WorkspaceRights {
  /** Change the workspace, its people and its projects. */
  canManage: boolean;
  /** Create and edit tasks and comments. */
  canContribute: boolean;
}

/**
 * The rights the server grants: organization owners and admins manage
 * every workspace; a workspace admin manages theirs; viewers only read.
 * The server decides; this only hides what it would refuse.
 */
export function workspaceRights(
  organizationRole: Role,
  workspaceRole: WorkspaceRole | null,
): WorkspaceRights {
  const canContribute = organizationRole !== "viewer";
  return {
    canManage:
      isAtLeast(organizationRole, "admin") ||
      (canContribute && workspaceRole === "admin"),
    canContribute,
  };
}

/**
 * The signed-in person's rights in a workspace. Until its members have
 * loaded, a workspace admin is taken for a member.
 */
export function useWorkspaceRights(workspaceId: string): WorkspaceRights {
  const { user, role } = useCurrentSession();
  const members = useWorkspaceMembers(workspaceId);
  const own = members.data?.find((member) => member.user.id === user.id);
  return workspaceRights(role, own?.role ?? null);
}
