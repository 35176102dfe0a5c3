import os from "node:os";

/** How the benchmark runs, read once from the environment and arguments. */
export interface BenchConfig {
  /** A superuser URL on the server; `ares_bench` is created beside it. */
  adminUrl: string;
  /** The same server, pointing at the benchmark database. */
  benchUrl: string;
  redisUrl: string | undefined;
  /** Seconds each measured scenario runs. */
  durationSeconds: number;
  /** Seconds of unrecorded load before each measured run. */
  warmupSeconds: number;
  connections: number;
  /** Drop `ares_bench` when done instead of keeping it for inspection. */
  drop: boolean;
  /** Skip creating and seeding: reuse the `ares_bench` of an earlier run. */
  reuse: boolean;
}

export const benchDatabase = "ares_bench";

/** The organizations seeded: how many, and how many tasks each holds. */
export const orgMix = {
  total: 200,
  smallestTasks: 100,
  largestTasks: 50_000,
  typicalTasks: 5_000,
  /** Besides the owner, each organization has this many members. */
  membersPerOrg: 4,
  /** Mid-size organizations the mixed-tenant scenario spreads over. */
  mixedOrgs: 50,
} as const;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  }
  return value;
}

const usage = `Usage: npm run bench [-- --drop] [-- --reuse]
  --drop   drop the ares_bench database when done (kept by default)
  --reuse  reuse the ares_bench of an earlier run instead of reseeding`;

/** Parses the environment and command line, failing on anything unknown. */
export function loadBenchConfig(argv: string[]): BenchConfig {
  const flags = new Set(argv);
  for (const flag of flags) {
    if (flag !== "--drop" && flag !== "--reuse") {
      throw new Error(`Unknown argument ${flag}\n${usage}`);
    }
  }
  const adminUrl =
    process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const bench = new URL(adminUrl);
  bench.pathname = `/${benchDatabase}`;
  return {
    adminUrl,
    benchUrl: bench.toString(),
    redisUrl: process.env.REDIS_URL || undefined,
    durationSeconds: positiveNumber("BENCH_DURATION", 10),
    warmupSeconds: positiveNumber("BENCH_WARMUP", 2),
    connections: Math.round(positiveNumber("BENCH_CONNECTIONS", 20)),
    drop: flags.has("--drop"),
    reuse: flags.has("--reuse"),
  };
}

/** The machine the figures came from, for the header of the report. */
export function machineSummary(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const memory = Math.round(os.totalmem() / 2 ** 30);
  return `${cpus.length} × ${model}, ${memory} GiB RAM, Node ${process.version}`;
}
