import type { WorkflowStatus } from "@ares/contracts";
import type { ProjectRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { isAssignable, isPrivileged } from "../policies/roles.js";
import type { ProjectAccess } from "../work/access.js";

/** The status a project's workflow knows by `key`; 400 otherwise. */
export function workflowStatus(
  project: ProjectRow,
  key: string,
): WorkflowStatus {
  const status = project.workflow.find((candidate) => candidate.key === key);
  if (!status) {
    const known = project.workflow.map((candidate) => candidate.key).join(", ");
    throw new AppError("validation_failed", "Unknown status", [
      { path: "status", message: `Use one of: ${known}` },
    ]);
  }
  return status;
}

/** Where new tasks start: the first status counted as to do. */
export function initialStatus(project: ProjectRow): WorkflowStatus {
  const first =
    project.workflow.find((status) => status.category === "todo") ??
    project.workflow[0];
  if (!first) {
    throw new Error(`Project ${project.id} has an empty workflow`);
  }
  return first;
}

/**
 * Checks that `userId` may be given work in this project: an active member
 * of the organization who is not a viewer and can reach the workspace.
 * The database's composite foreign key backs the first half.
 */
export async function assertAssignable(
  tx: Tx,
  access: ProjectAccess,
  userId: string,
): Promise<void> {
  const candidate = await tx
    .selectFrom("memberships as m")
    .leftJoin("workspace_members as wm", (join) =>
      join
        .onRef("wm.user_id", "=", "m.user_id")
        .on("wm.workspace_id", "=", access.workspace.id),
    )
    .select(["m.role", "wm.role as workspaceRole"])
    .where("m.user_id", "=", userId)
    .executeTakeFirst();
  const problem = !candidate
    ? "is not a member of this organization"
    : !isAssignable(candidate.role)
      ? "is a viewer and cannot be assigned work"
      : !candidate.workspaceRole && !isPrivileged(candidate.role)
        ? "has no access to this workspace"
        : undefined;
  if (problem) {
    throw new AppError("validation_failed", "This person cannot be assigned", [
      { path: "assigneeId", message: `The person ${problem}` },
    ]);
  }
}

/** Only the assignee and people who manage the workspace move a task along. */
export function assertMayChangeStatus(
  access: ProjectAccess,
  userId: string,
  assigneeId: string | null,
): void {
  if (!access.canManage && assigneeId !== userId) {
    throw new AppError(
      "forbidden",
      "Only the assignee or a workspace admin can change this task's status",
    );
  }
}

/** Refuses changes from people who may only read. */
export function assertMayContribute(access: ProjectAccess): void {
  if (!access.canContribute) {
    throw new AppError("forbidden", "Viewers cannot change tasks");
  }
}
