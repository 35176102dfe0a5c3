import {
  fieldConflictSchema,
  taskSchema,
  type FieldConflict,
  type Task,
  type UpdateTaskRequest,
} from "@ares/contracts";
import { z } from "zod";

import { ApiError } from "../api/api-error";
import type { TaskChanges } from "./next-tasks";

const taskConflictDetailsSchema = z.object({
  current: taskSchema,
  fields: z.array(fieldConflictSchema),
});

/** The two sides of a refused edit: the task now, and the fields that clash. */
export type TaskConflictDetails = z.infer<typeof taskConflictDetailsSchema>;

/** Which side of a clashing field to keep. */
export type ConflictChoice = "theirs" | "mine";

/** The update's fields as the API names them, without `baseVersion`. */
export type TaskFieldChanges = Omit<UpdateTaskRequest, "baseVersion">;

/** The field of an update that carries one of `TaskChanges`' keys. */
export type WireField = keyof TaskFieldChanges;

/** The conflict in a 409 from a task edit or move; null for other errors. */
export function readTaskConflict(error: unknown): TaskConflictDetails | null {
  if (!(error instanceof ApiError) || error.code !== "conflict") {
    return null;
  }
  const parsed = taskConflictDetailsSchema.safeParse(error.conflict);
  return parsed.success ? parsed.data : null;
}

/** The API's name for a field of `TaskChanges`. */
export function wireField(field: keyof TaskChanges): WireField {
  return field === "assignee" ? "assigneeId" : field;
}

/** The update a client sends for `changes`: the assignee goes by id. */
export function toUpdateFields(changes: TaskChanges): TaskFieldChanges {
  const { assignee, ...rest } = changes;
  const fields: TaskFieldChanges = { ...rest };
  if (assignee !== undefined) {
    fields.assigneeId = assignee === null ? null : assignee.id;
  }
  return fields;
}

/** The value of `field` on `task`, as the API reads and writes it. */
export function wireValue(task: Task, field: WireField): unknown {
  return field === "assigneeId" ? (task.assignee?.id ?? null) : task[field];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What to send after the user settled a conflict, from the task now on the
 * server (send it with `baseVersion` = `current.version`): the clashing
 * fields they chose to keep as theirs, and the other fields of their edit
 * that still differ from the server's. The API refuses an edit with a
 * clash as a whole, so those other fields were not saved either; fields
 * the server holds already are left out. Null when nothing is left to send.
 */
export function resolveConflict(
  conflict: TaskConflictDetails,
  sent: TaskChanges,
  choices: Readonly<Partial<Record<string, ConflictChoice>>>,
): TaskChanges | null {
  const clashing = new Set(conflict.fields.map(({ field }) => field));
  const kept: TaskChanges = {};
  for (const key of Object.keys(sent) as (keyof TaskChanges)[]) {
    const field = wireField(key);
    const keepMine = !clashing.has(field) || choices[field] === "mine";
    const wanted: unknown = toUpdateFields({ [key]: sent[key] })[field];
    if (keepMine && !sameValue(wanted, wireValue(conflict.current, field))) {
      Object.assign(kept, { [key]: sent[key] });
    }
  }
  return Object.keys(kept).length > 0 ? kept : null;
}

/** Every clashing field set to the same side, for "keep all" buttons. */
export function chooseAll(
  fields: readonly FieldConflict[],
  choice: ConflictChoice,
): Record<string, ConflictChoice> {
  return Object.fromEntries(fields.map(({ field }) => [field, choice]));
}
