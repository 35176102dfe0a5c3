import type { UpdateTaskRequest } from "@ares/contracts";
import type { Identity } from "../context.js";
import type { TasksTable } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import type { Updateable } from "kysely";
import type { TaskWithPeople } from "../presenters/task.js";
import {
  assertKnownVersion,
  changedFields,
  conflictError,
  conflictsSince,
  type TrackedField,
} from "../tasks/changes.js";
import { holdProject, loadTask, lockTask } from "../tasks/queries.js";
import {
  endOfColumn,
  recordFieldChanges,
  recordStatusChange,
  statusColumns,
} from "../tasks/record.js";
import {
  assertAssignable,
  assertMayChangeStatus,
  assertMayContribute,
  workflowStatus,
} from "../tasks/rules.js";
import type { TaskAccess } from "../work/access.js";

type Changes = Omit<UpdateTaskRequest, "baseVersion">;

function columnsFor(
  changes: Changes,
  fields: TrackedField[],
): Updateable<TasksTable> {
  const columns: Updateable<TasksTable> = {};
  for (const field of fields) {
    switch (field) {
      case "assigneeId":
        columns.assignee_id = changes.assigneeId ?? null;
        break;
      case "dueDate":
        columns.due_date = changes.dueDate ?? null;
        break;
      case "estimate":
        columns.estimate = changes.estimate ?? null;
        break;
      case "title":
      case "description":
      case "priority":
      case "labels":
      case "status":
        Object.assign(columns, { [field]: changes[field] });
        break;
      case "position":
        break;
    }
  }
  return columns;
}

/**
 * Applies an edit made from `baseVersion`. Fields nobody else touched
 * since then merge silently; a field someone else changed meanwhile makes
 * the whole edit a 409 that shows both sides.
 */
export async function updateTask(
  tx: Tx,
  access: TaskAccess,
  identity: Identity,
  baseVersion: number,
  changes: Changes,
): Promise<TaskWithPeople> {
  assertMayContribute(access);
  await lockTask(tx, access.task.id);
  const current = await loadTask(tx, access.task.id);
  assertKnownVersion(current, baseVersion);

  const fields = changedFields(current, changes);
  if (fields.length === 0) {
    return current;
  }
  const conflicts = await conflictsSince(
    tx,
    current,
    baseVersion,
    changes,
    fields,
  );
  if (conflicts.length > 0) {
    throw conflictError(current, conflicts);
  }
  const statusChanged =
    fields.includes("status") && changes.status !== undefined;
  const project = statusChanged
    ? await holdProject(tx, current.project_id)
    : access.project;
  if (statusChanged) {
    assertMayChangeStatus(access, identity.userId, current.assignee_id);
    workflowStatus(project, changes.status ?? "");
  }
  if (fields.includes("assigneeId") && changes.assigneeId) {
    await assertAssignable(tx, access, changes.assigneeId);
  }

  const now = new Date();
  const status = changes.status ?? current.status;
  const updated = await tx
    .updateTable("tasks")
    .set({
      ...columnsFor(changes, fields),
      ...(statusChanged && {
        ...statusColumns(project, status, now),
        position: await endOfColumn(tx, current.project_id, status),
      }),
      version: current.version + 1,
      updated_at: now,
    })
    .where("id", "=", current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordFieldChanges(tx, current, updated, fields, {
    actorId: identity.userId,
    kind: "updated",
  });
  if (statusChanged) {
    await recordStatusChange(tx, updated, current.status, identity.userId);
  }
  return loadTask(tx, current.id);
}
