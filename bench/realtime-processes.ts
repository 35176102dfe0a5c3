import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "kysely";
import { withDatabase } from "./database.js";
import { note } from "./output.js";
import type { RealtimeSettings } from "./realtime-settings.js";
import { probeMessage, realtimeDatabase } from "./realtime-settings.js";

const root = path.resolve(import.meta.dirname, "..");
const probe = pathToFileURL(
  path.join(import.meta.dirname, "realtime-probe.ts"),
);

/** Drops the realtime database if present (ending its sessions), then creates it. */
export async function recreateDatabase(adminUrl: string): Promise<void> {
  await withDatabase(adminUrl, async (db) => {
    await sql`drop database if exists ${sql.id(realtimeDatabase)} with (force)`.execute(
      db.kysely,
    );
    await sql`create database ${sql.id(realtimeDatabase)}`.execute(db.kysely);
  });
}

export async function dropDatabase(adminUrl: string): Promise<void> {
  await withDatabase(adminUrl, async (db) => {
    await sql`drop database if exists ${sql.id(realtimeDatabase)} with (force)`.execute(
      db.kysely,
    );
  });
}

/** The server's version, for the header of the report. */
export async function postgresVersion(url: string): Promise<string> {
  return withDatabase(url, async (db) => {
    const { rows } = await sql<{ version: string }>`
      select current_setting('server_version') as version`.execute(db.kysely);
    return `PostgreSQL ${rows[0]?.version ?? "?"}`;
  });
}

/** Memory a process holds right after a full garbage collection, in KiB. */
export interface MemorySample {
  /** Resident set size, from /proc/<pid>/status. */
  rssKiB: number;
  /** V8 heap in use. */
  heapKiB: number;
}

/** One API process: where it listens, and its id for reading /proc. */
export interface ApiInstance {
  name: string;
  url: string;
  pid: number;
  /** Log lines at warn or above seen so far. */
  warnings: number;
  /** Asks the process to collect garbage, then samples its memory. */
  measureMemory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

// Whatever ends the benchmark, the API processes must not outlive it.
process.on("exit", () => {
  for (const child of children) {
    child.kill("SIGKILL");
  }
});

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** The environment both API processes share: same database, Redis, key. */
export function apiEnvironment(settings: RealtimeSettings): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: settings.benchUrl,
    REDIS_URL: settings.redisUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    RATE_LIMIT_PER_MINUTE: "1000000000",
    LOG_LEVEL: "info",
  };
}

interface LogEntry {
  level?: number;
  msg?: string;
  url?: string;
  err?: { message?: string };
  heapUsed?: number;
}

/** How long after a garbage collection the resident size is read. */
const settleAfterGcMs = 1_000;

/** Lines at warn or above shown per process; later ones are only counted. */
const shownWarnings = 10;

function parseLine(line: string): LogEntry {
  try {
    return JSON.parse(line) as LogEntry;
  } catch {
    return { level: 40, msg: line };
  }
}

/** Which log lines of an API process the benchmark waits for. */
interface LogWatch {
  name: string;
  onListening(url: string): void;
  onProbe(heapUsed: number): void;
  onWarning(): number;
}

/**
 * Reads an API process's log to the end, so that a full pipe never blocks
 * it: picks out the "listening" line and memory probe answers, and passes
 * the first few warnings and errors on to standard error.
 */
function watchLog(child: ChildProcess, watch: LogWatch): void {
  if (!child.stdout) {
    throw new Error(`${watch.name}'s standard output is not piped`);
  }
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const entry = parseLine(line);
    if (entry.msg === "listening" && entry.url) {
      watch.onListening(entry.url);
    } else if (entry.msg === probeMessage && entry.heapUsed !== undefined) {
      watch.onProbe(entry.heapUsed);
    } else if ((entry.level ?? 0) >= 40 && watch.onWarning() <= shownWarnings) {
      const cause = entry.err?.message ? `: ${entry.err.message}` : "";
      note(`${watch.name} logged: ${entry.msg ?? line}${cause}`);
    }
  });
}

/** Resolves with `promise`, or rejects after `ms` with `message`. */
async function within<T>(promise: Promise<T>, ms: number, message: string) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(message));
    }, ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts `apps/api/src/main.ts` under tsx on a free loopback port, with
 * the memory probe preloaded, and resolves once it logs "listening"
 * (after its migrations).
 */
export async function startApi(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<ApiInstance> {
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      "--import",
      probe.href,
      "apps/api/src/main.ts",
    ],
    { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      children.delete(child);
      resolve();
    });
  });
  const probes: ((heapUsed: number) => void)[] = [];
  let listening: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve, reject) => {
    listening = resolve;
    void exited.then(() => {
      reject(new Error(`${name} exited while starting; see its output`));
    });
  });

  const instance: ApiInstance = {
    name,
    url: "",
    pid: child.pid ?? 0,
    warnings: 0,
    async measureMemory() {
      const answered = new Promise<number>((resolve) => probes.push(resolve));
      child.kill("SIGUSR2");
      const heapUsed = await within(
        answered,
        10_000,
        `${name} did not answer the memory probe`,
      );
      // V8 and the allocator hand freed pages back to the system a little
      // after the collection, not during it.
      await sleep(settleAfterGcMs);
      return { rssKiB: residentKiB(instance.pid), heapKiB: heapUsed / 1024 };
    },
    async stop() {
      if (hasExited(child)) {
        return;
      }
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
  watchLog(child, {
    name,
    onListening: listening,
    onProbe: (heapUsed) => probes.shift()?.(heapUsed),
    onWarning: () => {
      instance.warnings += 1;
      return instance.warnings;
    },
  });
  try {
    instance.url = await within(url, 60_000, `${name} did not listen in 60 s`);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

/** Collects garbage in this process, then samples its memory. */
export async function measureOwnMemory(): Promise<MemorySample> {
  collectOwnGarbage();
  const { heapUsed } = process.memoryUsage();
  await sleep(settleAfterGcMs);
  return { rssKiB: process.memoryUsage().rss / 1024, heapKiB: heapUsed / 1024 };
}

// `tsx bench/realtime.ts` passes no --expose-gc; V8 can still be told to
// expose it, and a fresh context then has `gc`.
v8.setFlagsFromString("--expose-gc");
const collectOwnGarbage = vm.runInNewContext("gc") as () => void;

/** Resident memory of a process in KiB, from /proc/<pid>/status. */
export function residentKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) {
    throw new Error(`No VmRSS in /proc/${pid}/status`);
  }
  return Number(match[1]);
}

function clockTicksPerSecond(): number {
  try {
    const ticks = Number(
      execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim(),
    );
    return ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

const ticksPerSecond = clockTicksPerSecond();

/** CPU time a process has used so far, user plus system, in ms. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which may hold spaces: state is the
  // third field of the line, utime the 14th and stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / ticksPerSecond;
}

/** Busy and total CPU ticks of the whole machine since boot. */
function machineTicks(): { busy: number; total: number } {
  const first = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
  // user nice system idle iowait irq softirq steal
  const values = first.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU used over an interval by each API process, this process and the box. */
export interface CpuUsage {
  wallMs: number;
  /** Per API process, in the order given, in ms of CPU. */
  apiMs: number[];
  benchMs: number;
  /** Share of the whole machine's CPU time that was busy, 0 to 1. */
  machineBusy: number;
}

/** Starts measuring CPU use; the returned function ends the interval. */
export function meterCpu(pids: number[]): () => CpuUsage {
  const start = performance.now();
  const api = pids.map(cpuMs);
  const bench = process.cpuUsage();
  const machine = machineTicks();
  return () => {
    const used = process.cpuUsage(bench);
    const now = machineTicks();
    return {
      wallMs: performance.now() - start,
      apiMs: pids.map((pid, index) => cpuMs(pid) - (api[index] ?? 0)),
      benchMs: (used.user + used.system) / 1000,
      machineBusy:
        (now.busy - machine.busy) / Math.max(1, now.total - machine.total),
    };
  };
}
