import type { User, Workspace, WorkspaceRole } from "@ares/contracts";
import type { UserRow, WorkspaceRow } from "../db/schema.js";
import { presentUser } from "./session.js";

/** A workspace row with the number of projects it holds, archived or not. */
export interface WorkspaceWithCount extends WorkspaceRow {
  projectCount: number;
}

/** A workspace as the API shows it. */
export function presentWorkspace(workspace: WorkspaceWithCount): Workspace {
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    createdAt: workspace.created_at.toISOString(),
    updatedAt: workspace.updated_at.toISOString(),
    version: workspace.version,
    projectCount: workspace.projectCount,
  };
}

/** A workspace membership joined with its account. */
export interface WorkspaceMemberFields {
  user: Pick<UserRow, "id" | "email" | "name">;
  role: WorkspaceRole;
}

/** One person's place in a workspace, as the API shows it. */
export function presentWorkspaceMember(member: WorkspaceMemberFields): {
  user: User;
  role: WorkspaceRole;
} {
  return { user: presentUser(member.user), role: member.role };
}
