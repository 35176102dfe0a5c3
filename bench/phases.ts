import type { Database } from "../apps/api/src/db/database.js";
import type { BenchConfig } from "./config.js";
import {
  createTenantlessTwins,
  disableRowSecurity,
  dropTenantlessTwins,
  restoreRowSecurity,
  waitForQuiet,
  type SecuredTable,
} from "./database.js";
import { combine, runLoad, stopLoad, type RawRun } from "./load.js";
import { note, say, secondsSince } from "./output.js";
import type { Measurement, Rls } from "./report.js";
import { scenarios, type Scenario } from "./scenarios.js";
import type { ApiProcess } from "./server.js";
import { refreshTasks, signInAll, type Targets } from "./targets.js";

/** What the phases run against, and the schema change in effect. */
export interface Bench {
  api: ApiProcess;
  config: BenchConfig;
  db: Database;
  tables: SecuredTable[];
  targets: Targets;
  state: { rlsOff: boolean };
}

export class Interrupted extends Error {
  constructor() {
    super("Interrupted");
    this.name = "Interrupted";
  }
}

let interrupted = false;

/** Stops the load in progress; the phases end at the next check. */
export function interrupt(): void {
  interrupted = true;
  stopLoad();
}

export function checkInterrupted(): void {
  if (interrupted) {
    throw new Interrupted();
  }
}

async function setRowSecurity(bench: Bench, off: boolean): Promise<void> {
  const { db, tables, state } = bench;
  if (off === state.rlsOff) {
    return;
  }
  await waitForQuiet(db);
  if (off) {
    await disableRowSecurity(db, tables);
  } else {
    await restoreRowSecurity(db, tables);
  }
  state.rlsOff = off;
}

/** Leaves the database as the API's migrations made it. */
export async function restoreSchema(
  bench: Pick<Bench, "db" | "tables" | "state">,
): Promise<void> {
  const { db, tables, state } = bench;
  await waitForQuiet(db);
  await dropTenantlessTwins(db);
  if (state.rlsOff) {
    await restoreRowSecurity(db, tables);
    state.rlsOff = false;
  }
}

/** One workload in one database state. */
interface Variant {
  scenario: Scenario;
  rls: Rls;
}

/** One run of a variant, on a quiet database with fresh task versions. */
async function slice(
  bench: Bench,
  variant: Variant,
  seconds: number,
): Promise<RawRun> {
  checkInterrupted();
  await setRowSecurity(bench, variant.rls.startsWith("off"));
  await waitForQuiet(bench.db);
  await refreshTasks(bench.db, variant.scenario.targets);
  const run = await runLoad(bench.api.url, variant.scenario.request(), {
    connections: bench.config.connections,
    seconds,
  });
  checkInterrupted();
  return run;
}

/**
 * Measures variants meant to be compared by alternating between them in
 * slices (A B A B), so that whatever else loads the machine meanwhile
 * weighs on each alike. Each is warmed up first, unrecorded.
 */
async function interleave(
  bench: Bench,
  variants: Variant[],
): Promise<Measurement[]> {
  const { durationSeconds, warmupSeconds } = bench.config;
  const rounds = variants.length > 1 ? 2 : 1;
  const runs = variants.map((): RawRun[] => []);
  for (const variant of variants) {
    await slice(bench, variant, warmupSeconds);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, variant] of variants.entries()) {
      runs[index]?.push(await slice(bench, variant, durationSeconds / rounds));
    }
  }
  return variants.map((variant, index) => {
    const result = combine(runs[index] ?? []);
    const { name, org } = variant.scenario;
    const refused = Object.entries(result.failures)
      .map(([code, n]) => ` ${code}×${n}`)
      .join("");
    note(
      `${name} / ${org} / RLS ${variant.rls}: ` +
        `${result.requestsPerSecond.toFixed(0)} req/s, ` +
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
        `non-2xx ${result.non2xx}${refused}`,
    );
    return { scenario: name, org, rls: variant.rls, result };
  });
}

interface Phase {
  title: string;
  /** Whether the phase runs with tenant-less twin indexes. */
  twins: boolean;
  /** The variants to compare with one another, group by group. */
  groups(list: Scenario[]): Variant[][];
}

const phases: Phase[] = [
  {
    title: "RLS on, smallest and largest alternating",
    twins: false,
    groups: (list) =>
      [...new Set(list.map((scenario) => scenario.name))].map((name) =>
        list
          .filter((scenario) => scenario.name === name)
          .map((scenario) => ({ scenario, rls: "on" as const })),
      ),
  },
  {
    title: "RLS off, as it is",
    twins: false,
    groups: (list) => list.map((scenario) => [{ scenario, rls: "off" }]),
  },
  {
    title: "RLS on and off alternating, with tenant-less twin indexes",
    twins: true,
    groups: (list) =>
      list.map((scenario) => [
        { scenario, rls: "on+ix" },
        { scenario, rls: "off+ix" },
      ]),
  },
];

const rlsOrder: Rls[] = ["on", "off", "on+ix", "off+ix"];

/**
 * Runs every phase: signs the owners in (their tokens last 15 minutes),
 * sets the schema up, measures each group, and restores the schema.
 * Returns the measurements ordered by database state, then scenario.
 */
export async function runPhases(bench: Bench): Promise<Measurement[]> {
  const list = scenarios(bench.targets);
  const orgs = list
    .flatMap((scenario) => scenario.targets)
    .filter((org, index, all) => all.indexOf(org) === index);
  const measurements: Measurement[] = [];
  for (const [index, phase] of phases.entries()) {
    await restoreSchema(bench);
    if (phase.twins) {
      const start = performance.now();
      const built = await createTenantlessTwins(bench.db, bench.tables);
      note(
        `${built} tenant-less twin indexes built in ${secondsSince(start)} s`,
      );
    }
    say(`${phase.title}: signing in ${orgs.length} owners, then measuring…`);
    await signInAll(bench.api.url, orgs);
    const mixed = list.at(-1);
    if (index === 0 && mixed) {
      // The first runs would otherwise pay for the API's JIT warm-up.
      await slice(bench, { scenario: mixed, rls: "on" }, 5);
    }
    for (const group of phase.groups(list)) {
      measurements.push(...(await interleave(bench, group)));
    }
  }
  await restoreSchema(bench);
  return measurements.sort(
    (a, b) => rlsOrder.indexOf(a.rls) - rlsOrder.indexOf(b.rls),
  );
}
