import crypto from "node:crypto";
import type { CreateTaskRequest } from "@ares/contracts";
import type { Identity } from "../context.js";
import type { Tx } from "../db/scope.js";
import type { TaskWithPeople } from "../presenters/task.js";
import { loadTask } from "../tasks/queries.js";
import {
  endOfColumn,
  recordStatusChange,
  statusColumns,
} from "../tasks/record.js";
import {
  assertAssignable,
  assertMayContribute,
  initialStatus,
  workflowStatus,
} from "../tasks/rules.js";
import type { ProjectAccess } from "../work/access.js";

/** Adds a task at the end of its status column, numbered in its project. */
export async function createTask(
  tx: Tx,
  access: ProjectAccess,
  identity: Identity,
  input: CreateTaskRequest,
): Promise<TaskWithPeople> {
  assertMayContribute(access);
  // Numbering the task locks the project, so the workflow read with the
  // number is the one a concurrent workflow change must wait behind.
  const project = await tx
    .updateTable("projects")
    .set((eb) => ({ task_counter: eb("task_counter", "+", 1) }))
    .where("id", "=", access.project.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const number = project.task_counter;
  const status = input.status
    ? workflowStatus(project, input.status).key
    : initialStatus(project).key;
  if (input.assigneeId) {
    await assertAssignable(tx, access, input.assigneeId);
  }

  const now = new Date();
  const task = await tx
    .insertInto("tasks")
    .values({
      tenant_id: identity.tenantId,
      id: crypto.randomUUID(),
      project_id: project.id,
      number,
      title: input.title,
      description: input.description ?? "",
      status,
      priority: input.priority ?? "none",
      assignee_id: input.assigneeId ?? null,
      due_date: input.dueDate ?? null,
      labels: input.labels ?? [],
      estimate: input.estimate ?? null,
      position: await endOfColumn(tx, project.id, status),
      created_by: identity.userId,
      ...statusColumns(project, status, now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordStatusChange(tx, task, null, identity.userId);
  await tx
    .insertInto("task_activity")
    .values({
      tenant_id: task.tenant_id,
      task_id: task.id,
      version: task.version,
      actor_id: identity.userId,
      kind: "created",
      field: null,
      from_value: null,
      to_value: JSON.stringify({ title: task.title, status }),
    })
    .execute();
  return loadTask(tx, task.id);
}
