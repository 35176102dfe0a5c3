/**
 * Realtime benchmark: two API processes sharing PostgreSQL and Redis, many
 * Socket.io clients in project rooms, and how long a task update takes to
 * reach every one of them. Prints figures; never fails on them.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { machineSummary } from "./config.js";
import { count, note, say } from "./output.js";
import { ClientPool } from "./realtime-clients.js";
import {
  apiEnvironment,
  dropDatabase,
  postgresVersion,
  recreateDatabase,
  startApi,
  type ApiInstance,
} from "./realtime-processes.js";
import {
  figures,
  textReport,
  writeMarkdown,
  type RunDescription,
} from "./realtime-report.js";
import { runScenario, type ScenarioResult } from "./realtime-scenario.js";
import { seedWork } from "./realtime-seed.js";
import {
  loadRealtimeSettings,
  pacing,
  realtimeDatabase,
  scenarios,
  type RealtimeSettings,
} from "./realtime-settings.js";

const resultsFile = path.join(import.meta.dirname, "results/realtime.md");

const stopping = new AbortController();

function onSignal(): void {
  if (stopping.signal.aborted) {
    // A second Ctrl-C: leave now; the exit hook still kills the servers.
    process.exit(130);
  }
  note("interrupted: closing clients and servers (Ctrl-C again to quit)");
  stopping.abort(new Error("Interrupted"));
}

function describeCode(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { encoding: "utf8" }).trim();
    const head = git("rev-parse", "--short", "HEAD");
    const changes = git("status", "--porcelain", "apps/api", "packages");
    return changes ? `${head} with uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

const loadAverage = () => (os.loadavg()[0] ?? 0).toFixed(2);

function describeSetup(settings: RealtimeSettings): string {
  return (
    `Two API processes (\`node --import tsx apps/api/src/main.ts\`, ` +
    `NODE_ENV=production) on one PostgreSQL database and one Redis ` +
    `(Socket.io's Redis Streams adapter), the clients (socket.io-client, ` +
    `WebSocket only) in this process, all on one machine over loopback. ` +
    `Every client signs in as the organization's owner and alternates ` +
    `between the processes; clients open in batches of ${pacing.batchSize}, ` +
    `each waiting for its \`project:join\` ack. Each scenario sends ` +
    `${settings.updates} \`PATCH /api/tasks/:id\` one after another, ` +
    `${pacing.updateIntervalMs} ms apart, alternating between the ` +
    `processes and, in B, across the ${settings.rooms} rooms; a delivery ` +
    `not in after ${pacing.deliveryTimeoutMs / 1000} s is missing.`
  );
}

/** Log lines at warn or above, by process name, of processes now stopped. */
const warningTally = new Map<string, number>();

/**
 * Stops any API processes in `servers` and starts two new ones. The
 * second waits for the first, which has migrated the database by the time
 * it listens. The same environment keeps tokens valid across restarts.
 */
async function startServers(
  env: NodeJS.ProcessEnv,
  servers: ApiInstance[],
): Promise<void> {
  for (const server of servers) {
    warningTally.set(
      server.name,
      (warningTally.get(server.name) ?? 0) + server.warnings,
    );
  }
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  for (const name of ["api-1", "api-2"]) {
    const server = await startApi(name, env);
    servers.push(server);
    note(`${name} listening on ${server.url} (pid ${server.pid})`);
  }
}

async function measure(
  settings: RealtimeSettings,
  servers: ApiInstance[],
  pool: ClientPool,
): Promise<void> {
  note(`creating ${realtimeDatabase} and starting two API processes`);
  await recreateDatabase(settings.adminUrl);
  const env = apiEnvironment(settings);
  await startServers(env, servers);
  const first = servers[0];
  if (!first) {
    throw new Error("No API process started");
  }
  const fixture = await seedWork(first.url, settings.rooms);
  const run: RunDescription = {
    date: new Date(),
    machine: machineSummary(),
    postgres: await postgresVersion(settings.benchUrl),
    code: describeCode(),
    setup: describeSetup(settings),
    load: "",
    processNames: servers.map((server) => server.name),
    warnings: "",
  };

  const loadBefore = loadAverage();
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios(settings)) {
    if (results.length > 0) {
      await startServers(env, servers);
    }
    const clients = scenario.rooms * scenario.clientsPerRoom;
    note(
      `scenario ${scenario.id} (${scenario.title}): ${count(clients)} clients`,
    );
    results.push(
      await runScenario(
        { settings, servers, fixture, pool, signal: stopping.signal },
        scenario,
      ),
    );
  }
  run.load = `1-minute load average ${loadBefore} before the scenarios, ${loadAverage()} after.`;
  run.warnings = servers
    .map(
      (server) =>
        `${server.name} ${(warningTally.get(server.name) ?? 0) + server.warnings}`,
    )
    .join(", ");

  const all = results.map(figures);
  say();
  say(textReport(all, run));
  await writeMarkdown(resultsFile, all, run);
  say(`Written to ${path.relative(process.cwd(), resultsFile)}.`);
}

async function main(): Promise<void> {
  const settings = loadRealtimeSettings(process.argv.slice(2));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const servers: ApiInstance[] = [];
  const pool = new ClientPool();
  try {
    await measure(settings, servers, pool);
  } finally {
    await pool.closeAll();
    await Promise.all(servers.map((server) => server.stop()));
    if (settings.drop) {
      await dropDatabase(settings.adminUrl);
      note(`dropped ${realtimeDatabase}`);
    }
  }
}

main().then(
  () => {
    process.exit(0);
  },
  (error: unknown) => {
    if (stopping.signal.aborted) {
      note("interrupted; clients closed and API processes stopped");
      process.exit(130);
    }
    note(
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    process.exit(1);
  },
);
