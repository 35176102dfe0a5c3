import { sql, type ExpressionBuilder } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Schema, TaskRow } from "../db/schema.js";
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

/** Tasks with their project key, without their people. */
export function selectTaskRows(tx: Tx) {
  return tx
    .selectFrom("tasks as t")
    .innerJoin("projects as p", "p.id", "t.project_id")
    .selectAll("t")
    .select("p.key as projectKey");
}

/**
 * Gives each task its assignee and creator, reading each person once. A
 * page of tasks names the same few people again and again, and every
 * read of a person runs the users table's row-level security policy:
 * once per person instead of twice per task keeps a page's cost flat.
 */
export async function withPeople<Row extends TaskRow & { projectKey: string }>(
  tx: Tx,
  rows: Row[],
): Promise<(Row & Pick<TaskWithPeople, "assignee" | "createdByUser">)[]> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.assignee_id) {
      ids.add(row.assignee_id);
    }
    if (row.created_by) {
      ids.add(row.created_by);
    }
  }
  const people =
    ids.size === 0
      ? []
      : await tx
          .selectFrom("users")
          .select(["id", "email", "name"])
          .where("id", "=", sql<string>`any(${[...ids]}::uuid[])`)
          .execute();
  const byId = new Map(people.map((person) => [person.id, person]));
  const find = (id: string | null) => (id ? (byId.get(id) ?? null) : null);
  return rows.map((row) => ({
    ...row,
    assignee: find(row.assignee_id),
    createdByUser: find(row.created_by),
  }));
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
