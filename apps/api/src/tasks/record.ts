import type { ProjectRow, TaskRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { apiValue, type TrackedField } from "./changes.js";
import { workflowStatus } from "./rules.js";

/** Appends one activity row per changed field, tagged with the new version. */
export async function recordFieldChanges(
  tx: Tx,
  before: TaskRow,
  after: TaskRow,
  fields: TrackedField[],
  context: { actorId: string; kind: "updated" | "moved" },
): Promise<void> {
  if (fields.length === 0) {
    return;
  }
  await tx
    .insertInto("task_activity")
    .values(
      fields.map((field) => ({
        tenant_id: after.tenant_id,
        task_id: after.id,
        version: after.version,
        actor_id: context.actorId,
        kind: context.kind,
        field,
        from_value: JSON.stringify(apiValue(before, field)),
        to_value: JSON.stringify(apiValue(after, field)),
      })),
    )
    .execute();
}

/** Keeps the history of status changes that analytics are built from. */
export async function recordStatusChange(
  tx: Tx,
  task: TaskRow,
  fromStatus: string | null,
  actorId: string,
): Promise<void> {
  await tx
    .insertInto("task_status_changes")
    .values({
      tenant_id: task.tenant_id,
      task_id: task.id,
      from_status: fromStatus,
      to_status: task.status,
      changed_by: actorId,
    })
    .execute();
}

/** The columns that follow a status change: when, and whether done. */
export function statusColumns(project: ProjectRow, status: string, now: Date) {
  const done = workflowStatus(project, status).category === "done";
  return { status_changed_at: now, completed_at: done ? now : null };
}

/** A position after every task of a status column. */
export async function endOfColumn(
  tx: Tx,
  projectId: string,
  status: string,
): Promise<number> {
  const last = await tx
    .selectFrom("tasks")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("project_id", "=", projectId)
    .where("status", "=", status)
    .executeTakeFirst();
  return (last?.position ?? 0) + 1024;
}
