import type { MoveTaskRequest } from "@ares/contracts";
import type { Identity } from "../context.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import type { TaskWithPeople } from "../presenters/task.js";
import {
  assertKnownVersion,
  changedFields,
  conflictError,
  conflictsSince,
} from "../tasks/changes.js";
import { loadTask, lockTask } from "../tasks/queries.js";
import {
  endOfColumn,
  recordFieldChanges,
  recordStatusChange,
  statusColumns,
} from "../tasks/record.js";
import {
  assertMayChangeStatus,
  assertMayContribute,
  workflowStatus,
} from "../tasks/rules.js";
import type { TaskAccess } from "../work/access.js";

/** Gaps below this are respaced before a task is placed between two others. */
const smallestGap = 1e-6;

async function neighbourPosition(
  tx: Tx,
  projectId: string,
  taskId: string | null | undefined,
): Promise<number | undefined> {
  if (!taskId) {
    return undefined;
  }
  const neighbour = await tx
    .selectFrom("tasks")
    .select("position")
    .where("id", "=", taskId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (!neighbour) {
    throw new AppError("validation_failed", "Unknown neighbour task", [
      {
        path: "afterId",
        message: "Place the task next to a task of its project",
      },
    ]);
  }
  return neighbour.position;
}

/** Renumbers a column 1024 apart, keeping its order. */
async function respace(
  tx: Tx,
  projectId: string,
  status: string,
): Promise<void> {
  const column = await tx
    .selectFrom("tasks")
    .select("id")
    .where("project_id", "=", projectId)
    .where("status", "=", status)
    .orderBy("position")
    .orderBy("id")
    .execute();
  for (const [index, task] of column.entries()) {
    await tx
      .updateTable("tasks")
      .set({ position: (index + 1) * 1024 })
      .where("id", "=", task.id)
      .execute();
  }
}

async function targetPosition(
  tx: Tx,
  projectId: string,
  input: MoveTaskRequest,
): Promise<number> {
  const after = await neighbourPosition(tx, projectId, input.afterId);
  const before = await neighbourPosition(tx, projectId, input.beforeId);
  if (after !== undefined && before !== undefined) {
    if (Math.abs(before - after) < smallestGap) {
      await respace(tx, projectId, input.status);
      return targetPosition(tx, projectId, input);
    }
    return (after + before) / 2;
  }
  if (after !== undefined) {
    return after + 1024;
  }
  if (before !== undefined) {
    return before - 1024;
  }
  return endOfColumn(tx, projectId, input.status);
}

/**
 * Moves a task on the board: to a status and a place between neighbours,
 * under the same rule as an update (someone else's move since the base
 * version is a conflict).
 */
export async function moveTask(
  tx: Tx,
  access: TaskAccess,
  identity: Identity,
  baseVersion: number,
  input: MoveTaskRequest,
): Promise<TaskWithPeople> {
  assertMayContribute(access);
  await lockTask(tx, access.task.id);
  const current = await loadTask(tx, access.task.id);
  assertKnownVersion(current, baseVersion);
  workflowStatus(access.project, input.status);

  const position = await targetPosition(tx, current.project_id, input);
  const requested = { status: input.status, position };
  const fields = changedFields(current, requested);
  const conflicts = await conflictsSince(tx, current, baseVersion, requested, [
    "status",
    "position",
  ]);
  if (conflicts.length > 0) {
    throw conflictError(current, conflicts);
  }
  if (fields.length === 0) {
    return current;
  }
  const statusChanged = fields.includes("status");
  if (statusChanged) {
    assertMayChangeStatus(access, identity.userId, current.assignee_id);
  }

  const now = new Date();
  const moved = await tx
    .updateTable("tasks")
    .set({
      position,
      status: input.status,
      ...(statusChanged && statusColumns(access.project, input.status, now)),
      version: current.version + 1,
      updated_at: now,
    })
    .where("id", "=", current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordFieldChanges(tx, current, moved, fields, {
    actorId: identity.userId,
    kind: "moved",
  });
  if (statusChanged) {
    await recordStatusChange(tx, moved, current.status, identity.userId);
  }
  return loadTask(tx, current.id);
}
