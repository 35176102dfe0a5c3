import { count } from "./output.js";

/** The realtime benchmark's database, on the server DATABASE_URL names. */
export const realtimeDatabase = "ares_bench_realtime";

/** How the realtime benchmark runs, read once from the environment. */
export interface RealtimeSettings {
  /** A superuser URL; the benchmark database is created beside it. */
  adminUrl: string;
  /** The same server, pointing at the benchmark database. */
  benchUrl: string;
  redisUrl: string;
  /** Clients in scenario A's one room, and in all of scenario B's rooms. */
  clients: number;
  /** Project rooms in scenario B, each with a task to update. */
  rooms: number;
  /** Task updates per scenario. */
  updates: number;
  /** Drop the database when done instead of keeping it. */
  drop: boolean;
}

/** How a scenario spreads its clients over project rooms. */
export interface Scenario {
  id: string;
  title: string;
  rooms: number;
  clientsPerRoom: number;
}

/** Fixed pacing, chosen so that opening clients is not a thundering herd. */
export const pacing = {
  /** Clients opened at once; the next batch waits for their join acks. */
  batchSize: 50,
  /** Clients disconnected at once when a scenario ends. */
  closeBatchSize: 100,
  /** Time between the starts of two consecutive updates. */
  updateIntervalMs: 200,
  /** How long after the last update a delivery may come before it is missing. */
  deliveryTimeoutMs: 5_000,
  /** Limit for one client to connect, and again to get its join ack. */
  clientTimeoutMs: 30_000,
} as const;

/** The log line the memory probe in each API process answers with. */
export const probeMessage = "bench memory probe";

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  }
  return value;
}

const usage = `Usage: npm run bench:realtime [-- --drop]
  --drop  drop the ${realtimeDatabase} database when done (kept by default)`;

/** Parses the environment and command line, failing on anything unknown. */
export function loadRealtimeSettings(argv: string[]): RealtimeSettings {
  for (const flag of argv) {
    if (flag !== "--drop") {
      throw new Error(`Unknown argument ${flag}\n${usage}`);
    }
  }
  const adminUrl =
    process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const bench = new URL(adminUrl);
  bench.pathname = `/${realtimeDatabase}`;
  const rooms = 10;
  const clients = positiveInteger("REALTIME_CLIENTS", 1_000);
  if (clients < rooms) {
    throw new Error(`REALTIME_CLIENTS must be at least ${rooms}`);
  }
  return {
    adminUrl,
    benchUrl: bench.toString(),
    redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    clients,
    rooms,
    updates: positiveInteger("REALTIME_UPDATES", 20),
    drop: argv.includes("--drop"),
  };
}

/**
 * The scenarios in the order they run: a baseline with one client on each
 * process (the pipeline without fan-out), then A and B.
 */
export function scenarios(settings: RealtimeSettings): Scenario[] {
  const perRoom = Math.floor(settings.clients / settings.rooms);
  return [
    { id: "0", title: "baseline, 1 room × 2", rooms: 1, clientsPerRoom: 2 },
    {
      id: "A",
      title: `1 room × ${count(settings.clients)}`,
      rooms: 1,
      clientsPerRoom: settings.clients,
    },
    {
      id: "B",
      title: `${settings.rooms} rooms × ${count(perRoom)}`,
      rooms: settings.rooms,
      clientsPerRoom: perRoom,
    },
  ];
}
