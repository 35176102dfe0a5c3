import type { WorkspaceRole } from "@ares/contracts";
import type { Identity } from "../context.js";
import type { ProjectRow, TaskRow, WorkspaceRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { AppError, notFound } from "../http/errors.js";
import { isPrivileged } from "../policies/roles.js";

/**
 * What one person may do in one workspace: organization owners and admins
 * manage every workspace; anyone else needs a workspace membership.
 */
export interface WorkspaceAccess {
  workspace: WorkspaceRow;
  /** The person's role in the workspace, if they were added to it. */
  workspaceRole: WorkspaceRole | null;
  /** May change the workspace, its members and its projects. */
  canManage: boolean;
  /** May create and edit tasks and comments (not a viewer). */
  canContribute: boolean;
}

function accessFor(
  identity: Identity,
  workspace: WorkspaceRow,
  workspaceRole: WorkspaceRole | null,
): WorkspaceAccess | undefined {
  const orgManager = isPrivileged(identity.role);
  if (!orgManager && !workspaceRole) {
    return undefined;
  }
  const canContribute = identity.role !== "viewer";
  return {
    workspace,
    workspaceRole,
    // A viewer stays read-only even when listed as a workspace admin (for
    // instance after being demoted in the organization).
    canManage: orgManager || (canContribute && workspaceRole === "admin"),
    canContribute,
  };
}

/** Throws a 403 with `reason` unless the person holds the right. */
export function requireRight(allowed: boolean, reason: string): void {
  if (!allowed) {
    throw new AppError("forbidden", reason);
  }
}

/**
 * Reports a record behind a parent the person may not see as not found
 * under its own name. Other failures pass through, so a database error
 * stays a 500 instead of posing as a 404.
 */
export function hiddenAs(what: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === "not_found") {
      throw notFound(what);
    }
    throw error;
  };
}

/**
 * Loads a workspace the person may see. One they may not see answers 404,
 * exactly like one that does not exist or belongs to another organization.
 */
export async function workspaceAccess(
  tx: Tx,
  identity: Identity,
  workspaceId: string,
): Promise<WorkspaceAccess> {
  const row = await tx
    .selectFrom("workspaces as w")
    .leftJoin("workspace_members as wm", (join) =>
      join
        .onRef("wm.workspace_id", "=", "w.id")
        .on("wm.user_id", "=", identity.userId),
    )
    .selectAll("w")
    .select("wm.role as workspaceRole")
    .where("w.id", "=", workspaceId)
    .executeTakeFirst();
  const { workspaceRole = null, ...workspace } = row ?? {};
  const access =
    row && accessFor(identity, workspace as WorkspaceRow, workspaceRole);
  if (!access) {
    throw notFound("Workspace");
  }
  return access;
}

export interface ProjectAccess extends WorkspaceAccess {
  project: ProjectRow;
}

/** Loads a project the person may see, with their rights in its workspace. */
export async function projectAccess(
  tx: Tx,
  identity: Identity,
  projectId: string,
): Promise<ProjectAccess> {
  const project = await tx
    .selectFrom("projects")
    .selectAll()
    .where("id", "=", projectId)
    .executeTakeFirst();
  if (!project) {
    throw notFound("Project");
  }
  const access = await workspaceAccess(
    tx,
    identity,
    project.workspace_id,
  ).catch(hiddenAs("Project"));
  return { ...access, project };
}

/**
 * The workspaces a person may see, for listing: all of them for
 * organization owners and admins, otherwise the ones they were added to.
 */
export function visibleWorkspaceIds(tx: Tx, identity: Identity) {
  const all = tx.selectFrom("workspaces").select("id");
  if (isPrivileged(identity.role)) {
    return all;
  }
  return tx
    .selectFrom("workspace_members")
    .select("workspace_id as id")
    .where("user_id", "=", identity.userId);
}

export interface TaskAccess extends ProjectAccess {
  task: TaskRow;
}

/** Loads a task the person may see, with their rights in its workspace. */
export async function taskAccess(
  tx: Tx,
  identity: Identity,
  taskId: string,
): Promise<TaskAccess> {
  const task = await tx
    .selectFrom("tasks")
    .selectAll()
    .where("id", "=", taskId)
    .executeTakeFirst();
  if (!task) {
    throw notFound("Task");
  }
  const access = await projectAccess(tx, identity, task.project_id).catch(
    hiddenAs("Task"),
  );
  return { ...access, task };
}
