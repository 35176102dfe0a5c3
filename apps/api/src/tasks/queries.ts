import { sql, type ExpressionBuilder } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { ProjectRow, Schema } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { notFound } from "../http/errors.js";
import type { TaskWithPeople } from "../presenters/task.js";

type TaskScope = ExpressionBuilder<Schema & { t: Schema["tasks"] }, "t">;

function person(eb: TaskScope, column: "t.assignee_id" | "t.created_by") {
  return jsonObjectFrom(
    eb
      .selectFrom("users as u")
      .select(["u.id", "u.email", "u.name"])
      .whereRef("u.id", "=", column),
  );
}

/** Tasks with their project key and people, ready for `presentTask`. */
export function selectTasks(tx: Tx) {
  return tx
    .selectFrom("tasks as t")
    .innerJoin("projects as p", "p.id", "t.project_id")
    .selectAll("t")
    .select((eb) => [
      "p.key as projectKey",
      person(eb, "t.assignee_id").as("assignee"),
      person(eb, "t.created_by").as("createdByUser"),
    ]);
}

/** One task, presented-ready; 404 when it is not there. */
export async function loadTask(
  tx: Tx,
  taskId: string,
): Promise<TaskWithPeople> {
  const task = await selectTasks(tx)
    .where("t.id", "=", taskId)
    .executeTakeFirst();
  if (!task) {
    throw notFound("Task");
  }
  return task;
}

/** Locks a task row until the transaction ends, so updates serialize. */
export async function lockTask(tx: Tx, taskId: string): Promise<void> {
  await sql`select 1 from tasks where id = ${taskId} for update`.execute(tx);
}

/**
 * Reads a project's current row and holds it until the transaction ends,
 * so a workflow change waits for this task's status to land and then sees
 * it, rather than dropping the status from under it.
 */
export async function holdProject(
  tx: Tx,
  projectId: string,
): Promise<ProjectRow> {
  return tx
    .selectFrom("projects")
    .selectAll()
    .where("id", "=", projectId)
    .forShare()
    .executeTakeFirstOrThrow();
}
