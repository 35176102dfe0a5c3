import type { EditableTaskField, FieldConflict } from "@ares/contracts";
import type { TaskRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { presentTask, type TaskWithPeople } from "../presenters/task.js";

/** A field of a task as the API names it, moves included. */
export type TrackedField = EditableTaskField | "position";

/** The value of `field` in the shape the API reads and writes it. */
export function apiValue(task: TaskRow, field: TrackedField): unknown {
  switch (field) {
    case "assigneeId":
      return task.assignee_id;
    case "dueDate":
      return task.due_date;
    case "estimate":
      return task.estimate === null ? null : Number(task.estimate);
    case "title":
    case "description":
    case "status":
    case "priority":
    case "labels":
    case "position":
      return task[field];
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The requested fields whose value differs from the task's current one. */
export function changedFields(
  task: TaskRow,
  requested: Partial<Record<TrackedField, unknown>>,
): TrackedField[] {
  return (Object.keys(requested) as TrackedField[]).filter(
    (field) =>
      requested[field] !== undefined &&
      !sameValue(apiValue(task, field), requested[field]),
  );
}

/** The version a client based its edit on, from the body or If-Match. */
export function baseVersionOf(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number {
  const fromHeader = ifMatch
    ? /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())
    : null;
  const version =
    bodyVersion ?? (fromHeader ? Number(fromHeader[1]) : undefined);
  if (version === undefined) {
    throw new AppError("validation_failed", "Say which version you edited", [
      {
        path: "baseVersion",
        message: "Send baseVersion, or the task's ETag in If-Match",
      },
    ]);
  }
  return version;
}

/**
 * Finds the requested fields that someone else changed after `baseVersion`.
 * The activity log keeps each change with the version it produced, so the
 * value the client started from is the `from` of the first later change.
 */
export async function conflictsSince(
  tx: Tx,
  task: TaskWithPeople,
  baseVersion: number,
  requested: Partial<Record<TrackedField, unknown>>,
  fields: TrackedField[],
): Promise<FieldConflict[]> {
  if (baseVersion === task.version || fields.length === 0) {
    return [];
  }
  const later = await tx
    .selectFrom("task_activity")
    .select(["field", "from_value"])
    .where("task_id", "=", task.id)
    .where("version", ">", baseVersion)
    .where("field", "in", fields)
    .orderBy("version")
    .execute();
  const conflicts = new Map<string, FieldConflict>();
  for (const change of later) {
    const field = change.field as TrackedField;
    if (!conflicts.has(field)) {
      conflicts.set(field, {
        field,
        base: change.from_value,
        server: apiValue(task, field),
        client: requested[field],
      });
    }
  }
  return [...conflicts.values()];
}

/** The 409 a client gets when its edit and another one touched a field. */
export function conflictError(
  task: TaskWithPeople,
  fields: FieldConflict[],
): AppError {
  const names = fields.map((conflict) => conflict.field).join(", ");
  return new AppError(
    "conflict",
    `Someone else changed ${names} since you started editing`,
    undefined,
    { current: presentTask(task), fields },
  );
}

/** Refuses an edit based on a version the server never had. */
export function assertKnownVersion(task: TaskRow, baseVersion: number): void {
  if (baseVersion > task.version) {
    throw new AppError(
      "validation_failed",
      "baseVersion is newer than the task; reload it",
      [
        {
          path: "baseVersion",
          message: `The task is at version ${task.version}`,
        },
      ],
    );
  }
}
