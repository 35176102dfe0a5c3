import { setTimeout as sleep } from "node:timers/promises";
import type { Task } from "@ares/contracts";
import { note } from "./output.js";
import {
  DeliveryLog,
  type ClientPool,
  type UpdateRecord,
} from "./realtime-clients.js";
import {
  cpuMs,
  measureOwnMemory,
  meterCpu,
  type ApiInstance,
  type CpuUsage,
  type MemorySample,
} from "./realtime-processes.js";
import {
  pacing,
  type RealtimeSettings,
  type Scenario,
} from "./realtime-settings.js";
import { callApi, signIn, type Fixture } from "./realtime-seed.js";

/** Memory of the API processes and of the benchmark, after a full GC. */
export interface MemorySnapshot {
  api: MemorySample[];
  bench: MemorySample;
}

/** What one scenario measured. */
export interface ScenarioResult {
  scenario: Scenario;
  /** Per client, by index: the API process it was connected to. */
  clientServers: number[];
  /** Seconds to connect every client and have every join acknowledged. */
  openSeconds: number;
  /**
   * From the first connection until the processes were quiet again: CPU
   * used, and the presence events the joins made the clients receive.
   */
  opening: { cpu: CpuUsage; presenceEvents: number };
  updates: UpdateRecord[];
  strays: number;
  duplicates: number;
  disconnects: Map<string, number>;
  /**
   * Before any client connected, and once all had joined and the
   * processes were quiet; each after a full garbage collection.
   */
  memory: { before: MemorySnapshot; after: MemorySnapshot };
  /** CPU used from the first update until the last delivery (or timeout). */
  cpu: CpuUsage;
}

/** What every scenario shares. */
export interface ScenarioContext {
  settings: RealtimeSettings;
  servers: ApiInstance[];
  fixture: Fixture;
  pool: ClientPool;
  signal: AbortSignal;
}

async function sampleMemory(servers: ApiInstance[]): Promise<MemorySnapshot> {
  const api: MemorySample[] = [];
  for (const server of servers) {
    api.push(await server.measureMemory());
  }
  return { api, bench: await measureOwnMemory() };
}

/** CPU an API process may use in a 500 ms window and still count as idle. */
const idleCpuMs = 25;

/**
 * Waits until both API processes are idle (each under 5% of a core over
 * half a second) and, if `log` is given, no presence event has arrived
 * for half a second: joins and leaves trail work behind their acks.
 */
async function waitForQuiet(
  servers: ApiInstance[],
  signal: AbortSignal,
  log?: DeliveryLog,
): Promise<void> {
  const deadline = performance.now() + 60_000;
  let previous = servers.map((server) => cpuMs(server.pid));
  while (performance.now() < deadline) {
    await sleep(500, undefined, { signal });
    const current = servers.map((server) => cpuMs(server.pid));
    const busy = current.some(
      (used, index) => used - (previous[index] ?? 0) > idleCpuMs,
    );
    previous = current;
    const presenceQuiet = !log || performance.now() - log.lastPresenceAt > 500;
    if (!busy && presenceQuiet) {
      return;
    }
  }
  note("the API processes were still busy after 60 s; measuring anyway");
}

async function waitForDeliveries(
  log: DeliveryLog,
  signal: AbortSignal,
): Promise<void> {
  const deadline = performance.now() + pacing.deliveryTimeoutMs;
  while (log.outstanding() > 0 && performance.now() < deadline) {
    await sleep(20, undefined, { signal });
  }
}

/** Which update this is, and whether the figures count it. */
interface UpdateTurn {
  room: number;
  via: number;
  label: string;
  measured: boolean;
}

/**
 * Edits the title of the room's task through process `via`, registering
 * the update with the log first, and times the request.
 */
async function sendUpdate(
  context: ScenarioContext,
  scenario: Scenario,
  token: string,
  log: DeliveryLog,
  turn: UpdateTurn,
): Promise<void> {
  const task = context.fixture.projects[turn.room]?.task;
  const server = context.servers[turn.via];
  if (!task || !server) {
    throw new Error(`No task for room ${turn.room} or no process ${turn.via}`);
  }
  const record = log.expect({
    measured: turn.measured,
    room: turn.room,
    via: turn.via,
    taskId: task.id,
    version: task.version + 1,
    expected: scenario.clientsPerRoom,
  });
  const body = { baseVersion: task.version, title: turn.label };
  const started = performance.now();
  record.clockOffset = Date.now() - started;
  record.sentAt = started;
  const updated = await callApi<Task>(
    server.url,
    "PATCH",
    `/api/tasks/${task.id}`,
    { token, body },
  );
  record.httpMs = performance.now() - started;
  task.version = updated.version;
  if (updated.version !== record.version) {
    throw new Error(
      `Task ${task.id} went to version ${updated.version}, not ${record.version}`,
    );
  }
}

/**
 * One unmeasured update through each process, so that no measured one
 * pays for a new HTTP connection or for code run the first time.
 */
async function warmUp(
  context: ScenarioContext,
  scenario: Scenario,
  token: string,
  log: DeliveryLog,
): Promise<void> {
  for (const [via] of context.servers.entries()) {
    const label = `${scenario.id} warm-up ${via}`;
    await sendUpdate(context, scenario, token, log, {
      room: 0,
      via,
      label,
      measured: false,
    });
  }
  await waitForDeliveries(log, context.signal);
}

/**
 * Sends the scenario's updates one after another, `updateIntervalMs`
 * apart, spread over its rooms and alternating between the processes.
 */
async function sendUpdates(
  context: ScenarioContext,
  scenario: Scenario,
  token: string,
  log: DeliveryLog,
): Promise<void> {
  const { servers, settings, signal } = context;
  for (let n = 0; n < settings.updates; n += 1) {
    signal.throwIfAborted();
    const started = performance.now();
    await sendUpdate(context, scenario, token, log, {
      room: n % scenario.rooms,
      via: n % servers.length,
      label: `${scenario.id} update ${n + 1}`,
      measured: true,
    });
    const wait = started + pacing.updateIntervalMs - performance.now();
    await sleep(Math.max(0, wait), undefined, { signal });
  }
}

/**
 * Runs one scenario: opens its clients, samples memory, warms up, sends
 * the updates and waits for their deliveries, then disconnects the
 * clients.
 */
export async function runScenario(
  context: ScenarioContext,
  scenario: Scenario,
): Promise<ScenarioResult> {
  const { servers, fixture, pool, signal } = context;
  const first = servers[0];
  if (!first) {
    throw new Error("No API process to talk to");
  }
  const token = await signIn(first.url, fixture);
  const log = new DeliveryLog(scenario.rooms * scenario.clientsPerRoom);

  await waitForQuiet(servers, signal);
  const before = await sampleMemory(servers);
  const pids = servers.map((server) => server.pid);
  const stopOpeningMeter = meterCpu(pids);
  const opening = performance.now();
  await pool.open(
    scenario,
    {
      servers,
      organizationId: fixture.organizationId,
      token,
      projectIds: fixture.projects.map((project) => project.id),
    },
    log,
    signal,
  );
  const openSeconds = (performance.now() - opening) / 1000;
  await waitForQuiet(servers, signal, log);
  const opened = stopOpeningMeter();
  const presenceEvents = log.presenceEvents;
  const after = await sampleMemory(servers);

  await warmUp(context, scenario, token, log);
  const stopMeter = meterCpu(pids);
  await sendUpdates(context, scenario, token, log);
  await waitForDeliveries(log, signal);
  const cpu = stopMeter();

  const clientServers = pool.clients.map((client) => client.server);
  await pool.closeAll();
  return {
    scenario,
    clientServers,
    openSeconds,
    opening: { cpu: opened, presenceEvents },
    updates: log.updates.filter((update) => update.measured),
    strays: log.strays,
    duplicates: log.duplicates,
    disconnects: log.disconnects,
    memory: { before, after },
    cpu,
  };
}
