import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { taskListQuerySchema } from "@ares/contracts";
import type { z } from "zod";
import type { Identity } from "../context.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import type { TaskWithPeople } from "../presenters/task.js";
import { selectTasks } from "./queries.js";

export type TaskListQuery = z.output<typeof taskListQuerySchema>;

interface SortColumn {
  /** The value to sort on; never NULL, so (values, id) compare cleanly. */
  expression: RawBuilder<unknown>;
  /** How a cursor's JSON value is cast back to the column's type. */
  cast: "text" | "float8" | "timestamptz" | "date" | "int4";
}

const sortColumns: Record<TaskListQuery["sort"], SortColumn[]> = {
  position: [
    { expression: sql`t.status`, cast: "text" },
    { expression: sql`t.position`, cast: "float8" },
  ],
  created: [{ expression: sql`t.created_at`, cast: "timestamptz" }],
  updated: [{ expression: sql`t.updated_at`, cast: "timestamptz" }],
  // Tasks without a due date come last.
  due: [
    { expression: sql`coalesce(t.due_date, '9999-12-31'::date)`, cast: "date" },
  ],
  priority: [
    {
      expression: sql`(case t.priority when 'urgent' then 0 when 'high' then 1
        when 'medium' then 2 when 'low' then 3 else 4 end)`,
      cast: "int4",
    },
  ],
};

type CursorValue = string | number;

function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function decodeCursor(text: string, columns: SortColumn[]): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(text, "base64url").toString(),
    );
    if (
      Array.isArray(parsed) &&
      parsed.length === columns.length + 1 &&
      parsed.every(
        (value) => typeof value === "string" || typeof value === "number",
      ) &&
      /^[0-9a-f-]{36}$/.test(String(parsed.at(-1)))
    ) {
      return parsed;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("validation_failed", "Invalid cursor", [
    { path: "cursor", message: "Pass back nextCursor from the previous page" },
  ]);
}

/** `(sort values, id) > (cursor values)`, or `<` when descending. */
function afterCursor(
  columns: SortColumn[],
  values: CursorValue[],
  descending: boolean,
): RawBuilder<SqlBool> {
  const left = sql.join([
    ...columns.map((column) => column.expression),
    sql`t.id`,
  ]);
  const right = sql.join([
    ...columns.map(
      (column, index) => sql`cast(${values[index]} as ${sql.raw(column.cast)})`,
    ),
    sql`cast(${values.at(-1)} as uuid)`,
  ]);
  return descending ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`;
}

/**
 * One page of a project's tasks, filtered and sorted, with a cursor for the
 * next page. Keyset pagination: each page costs the same however deep.
 */
export async function listTasks(
  tx: Tx,
  identity: Identity,
  projectId: string,
  query: TaskListQuery,
): Promise<{ tasks: TaskWithPeople[]; nextCursor: string | null }> {
  const columns = sortColumns[query.sort];
  const descending = query.order === "desc";
  let select = selectTasks(tx)
    .select(
      // As text, which casts back to the exact value (microseconds kept).
      columns.map((column, index) =>
        sql<string>`(${column.expression})::text`.as(`sort${index}`),
      ),
    )
    .where("t.project_id", "=", projectId);

  if (query.status) {
    select = select.where("t.status", "=", query.status);
  }
  if (query.assigneeId === "none") {
    select = select.where("t.assignee_id", "is", null);
  } else if (query.assigneeId) {
    const assignee =
      query.assigneeId === "me" ? identity.userId : query.assigneeId;
    select = select.where("t.assignee_id", "=", assignee);
  }
  if (query.label) {
    select = select.where(
      sql<SqlBool>`t.labels @> array[${query.label}]::text[]`,
    );
  }
  if (query.dueFrom) {
    select = select.where("t.due_date", ">=", query.dueFrom);
  }
  if (query.dueTo) {
    select = select.where("t.due_date", "<=", query.dueTo);
  }
  if (query.q) {
    select = select.where(
      sql<SqlBool>`t.search @@ websearch_to_tsquery('simple', ${query.q})`,
    );
  }
  if (query.cursor) {
    const values = decodeCursor(query.cursor, columns);
    select = select.where(afterCursor(columns, values, descending));
  }

  const direction = descending ? "desc" : "asc";
  let ordered = select;
  for (const column of columns) {
    ordered = ordered.orderBy(column.expression, direction);
  }
  const rows = await ordered
    .orderBy("t.id", direction)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1) as
    (TaskWithPeople & Record<string, unknown>) | undefined;
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor([
          ...columns.map((_column, index) => String(last[`sort${index}`])),
          last.id,
        ])
      : null;
  return { tasks: page, nextCursor };
}
