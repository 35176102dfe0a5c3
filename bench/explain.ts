/**
 * Times every query the API runs for the benchmark's requests, with
 * row-level security on and off, without and with tenant-less twin indexes
 * (see `createTenantlessTwins`), planned afresh and (`+prep`) as prepared
 * statements; with `--plans` prints each plan:
 *
 *   npx tsx bench/explain.ts [largest|smallest|typical] [--plans]
 *
 * The queries are the API's own: the request steps run once through the
 * real functions on a recording connection, then each captured statement
 * is replayed under EXPLAIN ANALYZE as `ares_app` with the transaction
 * settings of `scope.ts`, in a transaction that is rolled back. Needs the
 * `ares_bench` database of an earlier `npm run bench`.
 */
import crypto from "node:crypto";
import {
  sql,
  type CompiledQuery,
  type KyselyPlugin,
  type Transaction,
} from "kysely";
import { taskListQuerySchema } from "@ares/contracts";
import { currentRole } from "../apps/api/src/auth/sessions.js";
import { updateTask } from "../apps/api/src/commands/update-task.js";
import { runAsIdentity, type Identity } from "../apps/api/src/context.js";
import { openDatabase, type Database } from "../apps/api/src/db/database.js";
import type { Schema } from "../apps/api/src/db/schema.js";
import { tenantTransaction } from "../apps/api/src/db/scope.js";
import { listTasks } from "../apps/api/src/tasks/list.js";
import { loadTask } from "../apps/api/src/tasks/queries.js";
import { projectAccess, taskAccess } from "../apps/api/src/work/access.js";
import { loadBenchConfig } from "./config.js";
import {
  createTenantlessTwins,
  disableRowSecurity,
  dropTenantlessTwins,
  restoreRowSecurity,
  securedTables,
} from "./database.js";
import { say } from "./output.js";
import type { Rls } from "./report.js";

/** The statements one request ran, in order, as sent to PostgreSQL. */
interface Flow {
  name: string;
  queries: CompiledQuery[];
}

interface Subject {
  identity: Identity;
  projectId: string;
  taskId: string;
}

const repeats = 5;

/** Finds the organization, its owner and a task; opens a session for them. */
async function subject(db: Database, label: string): Promise<Subject> {
  const { rows } = await sql<{
    tenant: string;
    user: string;
    project: string;
    task: string;
  }>`select o.org_id as tenant, p.user_id as user, o.project_id as project,
       (select id from tasks t where t.tenant_id = o.org_id
        order by random() limit 1) as task
     from bench.orgs o join bench.people p on p.org_n = o.n and p.k = 0
     where o.label = ${label} order by o.n limit 1`.execute(db.kysely);
  const row = rows[0];
  if (!row) {
    throw new Error(`No ${label} organization in ares_bench`);
  }
  const sessionId = crypto.randomUUID();
  await sql`insert into sessions (id, user_id, active_tenant_id, expires_at)
    values (${sessionId}, ${row.user}, ${row.tenant},
            now() + interval '1 day')`.execute(db.kysely);
  return {
    identity: {
      tenantId: row.tenant,
      userId: row.user,
      role: "owner",
      sessionId,
    },
    projectId: row.project,
    taskId: row.task,
  };
}

/**
 * Runs each request's steps as its route handler does (authentication
 * first) and records the statements they send.
 */
async function recordFlows(db: Database, who: Subject): Promise<Flow[]> {
  let captured: CompiledQuery[] = [];
  const executor = db.kysely.getExecutor();
  const recorder: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      captured.push(executor.compileQuery(node, queryId));
      return node;
    },
    transformResult({ result }) {
      return Promise.resolve(result);
    },
  };
  const recording: Database = { ...db, kysely: db.kysely.withPlugin(recorder) };
  const { identity, projectId, taskId } = who;
  const inTenant = <T>(fn: Parameters<typeof tenantTransaction<T>>[1]) =>
    runAsIdentity(identity, () => tenantTransaction(recording, fn));

  const steps: [string, () => Promise<unknown>][] = [
    ["authenticate", () => currentRole(recording, identity)],
    [
      "list first page",
      () =>
        inTenant(async (tx) => {
          await projectAccess(tx, identity, projectId);
          return listTasks(
            tx,
            identity,
            projectId,
            taskListQuerySchema.parse({ limit: "50" }),
          );
        }),
    ],
    [
      "read task",
      () =>
        inTenant(async (tx) => {
          await taskAccess(tx, identity, taskId);
          return loadTask(tx, taskId);
        }),
    ],
    [
      "update task",
      () =>
        inTenant(async (tx) => {
          const access = await taskAccess(tx, identity, taskId);
          return updateTask(tx, access, identity, access.task.version, {
            title: `Explained ${crypto.randomUUID()}`,
            priority: access.task.priority === "high" ? "low" : "high",
          });
        }),
    ],
  ];
  const flows: Flow[] = [];
  for (const [name, step] of steps) {
    captured = [];
    await step();
    flows.push({ name, queries: captured });
  }
  return flows;
}

class Rollback extends Error {}

interface Timing {
  flow: string;
  query: string;
  milliseconds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function explain(
  tx: Transaction<Schema>,
  query: CompiledQuery,
): Promise<{ plan: string[]; milliseconds: number }> {
  const { rows } = await tx.executeQuery<{ "QUERY PLAN": string }>({
    ...query,
    sql: `explain (analyze, buffers) ${query.sql}`,
  });
  const plan = rows.map((row) => row["QUERY PLAN"]);
  // Every statement is planned afresh (the driver prepares none), so
  // planning counts as much as execution.
  const milliseconds = plan
    .map((line) => /(?:Planning|Execution) Time: ([\d.]+) ms/.exec(line)?.[1])
    .reduce((sum, value) => sum + Number(value ?? 0), 0);
  return { plan, milliseconds };
}

/**
 * Replays each flow in a transaction rolled back at the end: the first
 * statement (`set_config`) switches to `ares_app` and the tenant, as in
 * `scope.ts`; every other statement runs `repeats` times under EXPLAIN
 * ANALYZE, and the last plan is printed with the median time.
 */
/**
 * A database state, and with `+prep` statements run as prepared
 * statements on their cached generic plan, as they would if the driver
 * prepared them (`plan_cache_mode = force_generic_plan` skips the five
 * custom plans PostgreSQL makes first).
 */
type State = Rls | "on+prep" | "off+ix+prep";

/**
 * Prepares `query` and returns the statement that executes it, with the
 * values inlined as literals (EXPLAIN EXECUTE takes no bound parameters),
 * quoted by PostgreSQL from the driver's own text form of each.
 */
async function prepare(
  tx: Transaction<Schema>,
  query: CompiledQuery,
  index: number,
): Promise<CompiledQuery> {
  const name = `bench_explain_${index}`;
  await sql.raw(`prepare ${name} as ${query.sql}`).execute(tx);
  const literals: string[] = [];
  for (const value of query.parameters) {
    const { rows } = await sql<{ literal: string }>`
      select quote_nullable(${value}::text) as literal`.execute(tx);
    literals.push(rows[0]?.literal ?? "null");
  }
  const args = literals.length > 0 ? `(${literals.join(", ")})` : "";
  return { ...query, sql: `execute ${name}${args}`, parameters: [] };
}

async function replay(
  db: Database,
  flows: Flow[],
  state: State,
  plans: boolean,
): Promise<Timing[]> {
  const prepared = state.endsWith("+prep");
  const timings: Timing[] = [];
  for (const flow of flows) {
    if (plans) {
      say(`\n=== ${flow.name}, ${state} ===`);
    }
    const [settings, ...queries] = flow.queries;
    if (!settings) {
      continue;
    }
    await db.kysely
      .transaction()
      .execute(async (tx) => {
        await tx.executeQuery(settings);
        if (prepared) {
          await sql`set local plan_cache_mode = force_generic_plan`.execute(tx);
        }
        for (const [index, query] of queries.entries()) {
          const statement = prepared ? await prepare(tx, query, index) : query;
          const runs = [];
          for (let i = 0; i < repeats; i += 1) {
            runs.push(await explain(tx, statement));
          }
          const milliseconds = median(runs.map((run) => run.milliseconds));
          const short = query.sql.replace(/\s+/g, " ").slice(0, 100);
          timings.push({ flow: flow.name, query: short, milliseconds });
          if (plans) {
            say(`\n-- ${short}…  (median ${milliseconds.toFixed(3)} ms)`);
            say(runs.at(-1)?.plan.join("\n") ?? "");
          }
        }
        if (prepared) {
          // Only this script's own statements: the driver keeps named
          // statements of its own on the connection and would not know
          // they were gone.
          for (const index of queries.keys()) {
            await sql.raw(`deallocate bench_explain_${index}`).execute(tx);
          }
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) {
          throw error;
        }
      });
  }
  return timings;
}

const states: State[] = [
  "on",
  "on+prep",
  "off",
  "on+ix",
  "off+ix",
  "off+ix+prep",
];

function summary(timings: Record<State, Timing[]>): void {
  const cell = (value: number | undefined) =>
    (value ?? Number.NaN).toFixed(3).padStart(7);
  say("\nMedian planning + execution time per statement, ms:");
  say(
    `${states.map((state) => state.padStart(7)).join("  ")}  flow: statement`,
  );
  timings.on.forEach((timing, index) => {
    const cells = states.map((rls) => cell(timings[rls][index]?.milliseconds));
    say(`${cells.join("  ")}  ${timing.flow}: ${timing.query}`);
  });
  for (const flow of new Set(timings.on.map((timing) => timing.flow))) {
    const cells = states.map((rls) =>
      cell(
        timings[rls]
          .filter((timing) => timing.flow === flow)
          .reduce((sum, timing) => sum + timing.milliseconds, 0),
      ),
    );
    say(`${cells.join("  ")}  ${flow}: total`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const plans = args.includes("--plans");
  const label = args.find((arg) => !arg.startsWith("--")) ?? "largest";
  const config = loadBenchConfig([]);
  const db = await openDatabase({
    kind: "postgres",
    url: config.benchUrl,
    poolSize: 2,
  });
  const tables = await securedTables(db);
  try {
    const who = await subject(db, label);
    say(`Organization: ${label} (${who.identity.tenantId})`);
    const flows = await recordFlows(db, who);
    const on = await replay(db, flows, "on", plans);
    const onPrepared = await replay(db, flows, "on+prep", plans);
    try {
      await disableRowSecurity(db, tables);
      const off = await replay(db, flows, "off", plans);
      await createTenantlessTwins(db, tables);
      const offTwins = await replay(db, flows, "off+ix", plans);
      const offTwinsPrepared = await replay(db, flows, "off+ix+prep", plans);
      await restoreRowSecurity(db, tables);
      const onTwins = await replay(db, flows, "on+ix", plans);
      summary({
        on,
        "on+prep": onPrepared,
        off,
        "on+ix": onTwins,
        "off+ix": offTwins,
        "off+ix+prep": offTwinsPrepared,
      });
    } finally {
      await dropTenantlessTwins(db);
      await restoreRowSecurity(db, tables);
    }
  } finally {
    await db.close();
  }
}

await main();
