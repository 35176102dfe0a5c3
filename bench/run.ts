import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type Database } from "../apps/api/src/db/database.js";
import {
  benchDatabase,
  loadBenchConfig,
  machineSummary,
  orgMix,
  type BenchConfig,
} from "./config.js";
import {
  dropBenchDatabase,
  migrateBench,
  recreateBenchDatabase,
  securedTables,
  withDatabase,
} from "./database.js";
import { stopLoad } from "./load.js";
import { count, note, say, secondsSince } from "./output.js";
import {
  checkInterrupted,
  interrupt,
  Interrupted,
  restoreSchema,
  runPhases,
  type Bench,
} from "./phases.js";
import {
  summaries,
  textTable,
  writeMarkdown,
  type RunDescription,
} from "./report.js";
import { rowCounts, seed, vacuumAnalyze } from "./seed.js";
import { buildApiIfStale, startApi, type ApiProcess } from "./server.js";
import { chooseTargets } from "./targets.js";

const resultsFile = path.join(import.meta.dirname, "results/latest.md");

let signalled = false;

function onSignal(): void {
  if (signalled) {
    // A second Ctrl-C: leave now; the exit hook still kills the server.
    process.exit(130);
  }
  signalled = true;
  note("interrupted: stopping the load and cleaning up (Ctrl-C again to quit)");
  interrupt();
}

function describeData(): string {
  const typical = orgMix.total - 2;
  const tasks =
    orgMix.smallestTasks + orgMix.largestTasks + typical * orgMix.typicalTasks;
  return (
    `${orgMix.total} organizations, each with an owner, ` +
    `${orgMix.membersPerOrg} members, one workspace and one project: ` +
    `1 × ${count(orgMix.smallestTasks)} tasks (smallest), ` +
    `1 × ${count(orgMix.largestTasks)} (largest), ` +
    `${typical} × ${count(orgMix.typicalTasks)}; ${count(tasks)} tasks in all.`
  );
}

function describeCode(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
    }).trim();
    const changes = execFileSync(
      "git",
      ["status", "--porcelain", "apps/api", "packages/contracts"],
      { encoding: "utf8" },
    ).trim();
    return changes ? `${head} with uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

async function postgresVersion(db: Database): Promise<string> {
  const { rows } = await sql<{ version: string; buffers: string }>`
    select current_setting('server_version') as version,
      current_setting('shared_buffers') as buffers`.execute(db.kysely);
  const row = rows[0];
  return `PostgreSQL ${row?.version ?? "?"} (shared_buffers ${row?.buffers ?? "?"})`;
}

function loadAverage(): string {
  return (os.loadavg()[0] ?? 0).toFixed(2);
}

function describeRun(
  config: BenchConfig,
  postgres: string,
  seeding: string,
): RunDescription {
  return {
    date: new Date(),
    machine: machineSummary(),
    postgres,
    code: describeCode(),
    settings:
      `${config.connections} connections, one request in flight on each, ` +
      `${config.durationSeconds} s per measurement after ` +
      `${config.warmupSeconds} s of warm-up; API, PostgreSQL and load ` +
      `generator on the same machine, over loopback; rate limits ` +
      `${config.redisUrl ? "in Redis" : "in process"}.`,
    data: describeData(),
    seeding,
    load: "",
  };
}

/** Creates, migrates and seeds `ares_bench`; returns what it took. */
async function prepareDatabase(config: BenchConfig): Promise<string> {
  say(`Creating ${benchDatabase} and seeding it (one to two minutes)…`);
  await recreateBenchDatabase(config.adminUrl);
  return withDatabase(config.benchUrl, async (db) => {
    await migrateBench(db);
    const start = performance.now();
    await seed(db);
    const seeded = secondsSince(start);
    const vacuumStart = performance.now();
    await vacuumAnalyze(db);
    const vacuumed = secondsSince(vacuumStart);
    const counts = await rowCounts(db);
    const summary = counts
      .map(([table, rows]) => `${table} ${count(rows)}`)
      .join(", ");
    say(`Seeded in ${seeded} s, VACUUM ANALYZE in ${vacuumed} s.`);
    say(`Rows: ${summary}.`);
    return `${seeded} s set-based load, ${vacuumed} s VACUUM ANALYZE; rows: ${summary}.`;
  });
}

/** Starts the API, runs every phase, prints and writes the report. */
async function measureAll(
  config: BenchConfig,
  db: Database,
  seeding: string,
  bench: Pick<Bench, "state">,
  started: (api: ApiProcess) => void,
): Promise<void> {
  const tables = await securedTables(db);
  const targets = await chooseTargets(db);
  const run = describeRun(config, await postgresVersion(db), seeding);
  checkInterrupted();

  const api = await startApi({
    databaseUrl: config.benchUrl,
    redisUrl: config.redisUrl,
  });
  started(api);
  const before = loadAverage();
  const measurements = await runPhases({
    ...bench,
    api,
    config,
    db,
    tables,
    targets,
  });
  run.load = `1-minute load average ${before} before the runs, ${loadAverage()} after.`;
  await api.stop();

  say();
  say(textTable(measurements));
  say();
  say("req/s counts 2xx answers only; p50/p99 are 2xx latencies.");
  for (const line of [...summaries(measurements), run.load]) {
    say(line);
  }
  await writeMarkdown(resultsFile, run, measurements);
  say(`Written to ${path.relative(process.cwd(), resultsFile)}.`);
}

async function main(): Promise<void> {
  const config = loadBenchConfig(process.argv.slice(2));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  say(`Data: ${describeData()}`);
  const seeding = config.reuse
    ? "reused from an earlier run (--reuse)."
    : await prepareDatabase(config);
  await buildApiIfStale();

  // RLS may have been left off by an interrupted run: restoreSchema
  // finds that out from the catalog, as it does the twin indexes.
  const state = { rlsOff: true };
  let api: ApiProcess | undefined;
  const db = await openDatabase({
    kind: "postgres",
    url: config.benchUrl,
    poolSize: 2,
  });
  try {
    await restoreSchema({ db, tables: await securedTables(db), state });
    await measureAll(config, db, seeding, { state }, (running) => {
      api = running;
    });
  } finally {
    stopLoad();
    await api?.stop();
    await restoreSchema({ db, tables: await securedTables(db), state });
    await db.close();
    if (config.drop) {
      await dropBenchDatabase(config.adminUrl);
      say(`Dropped ${benchDatabase}.`);
    } else {
      say(`Kept ${benchDatabase} for inspection (--drop removes it).`);
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof Interrupted) {
    process.exitCode = 130;
    return;
  }
  const detail =
    error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Benchmark failed: ${detail}\n`);
  process.exitCode = 1;
});
