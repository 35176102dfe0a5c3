import fs from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { count } from "./output.js";
import type { MemorySample } from "./realtime-processes.js";
import type { ScenarioResult } from "./realtime-scenario.js";

/** Percentiles of a set of figures, nearest rank; NaN when there are none. */
export interface Spread {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function spread(values: Iterable<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  const rank = (share: number) =>
    sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
  return {
    count: sorted.length,
    p50: rank(0.5),
    p99: rank(0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** The figures of one scenario, as the tables show them. */
export interface ScenarioFigures {
  result: ScenarioResult;
  clients: number;
  expected: number;
  missing: number;
  delivery: Spread;
  endToEnd: Spread;
  /** Delivery to clients of the process that received the HTTP request. */
  sameProcess: Spread;
  /** Delivery to clients of the other process, through Redis. */
  otherProcess: Spread;
  /** Per update: the delivery latency of its first receipt. */
  first: Spread;
  /** Per update: last receipt minus first, in ms. */
  fanOut: Spread;
  http: Spread;
}

export function figures(result: ScenarioResult): ScenarioFigures {
  const delivery: number[] = [];
  const endToEnd: number[] = [];
  const same: number[] = [];
  const other: number[] = [];
  const fanOut: number[] = [];
  const firstDelivery: number[] = [];
  let expected = 0;
  let received = 0;
  for (const update of result.updates) {
    expected += update.expected;
    received += update.received;
    let soonest = Infinity;
    let first = Infinity;
    let last = -Infinity;
    update.delivery.forEach((latency, client) => {
      if (Number.isNaN(latency)) {
        return;
      }
      const total = update.endToEnd[client] ?? Number.NaN;
      delivery.push(latency);
      endToEnd.push(total);
      (result.clientServers[client] === update.via ? same : other).push(
        latency,
      );
      soonest = Math.min(soonest, latency);
      first = Math.min(first, total);
      last = Math.max(last, total);
    });
    if (update.received > 0) {
      fanOut.push(last - first);
      firstDelivery.push(soonest);
    }
  }
  const { scenario } = result;
  return {
    result,
    clients: scenario.rooms * scenario.clientsPerRoom,
    expected,
    missing: expected - received,
    delivery: spread(delivery),
    endToEnd: spread(endToEnd),
    sameProcess: spread(same),
    otherProcess: spread(other),
    first: spread(firstDelivery),
    fanOut: spread(fanOut),
    http: spread(result.updates.map((update) => update.httpMs)),
  };
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(1));
const mib = (kib: number) => (kib / 1024).toFixed(1);

/** A table: headings, rows of cells, and which columns hold figures. */
interface Table {
  headings: string[];
  numeric: boolean[];
  rows: string[][];
}

function deliveryTable(all: ScenarioFigures[]): Table {
  return {
    headings: [
      "scenario",
      "clients",
      "deliveries",
      "missing",
      "delivery p50",
      "p99",
      "max",
      "end-to-end p50",
      "p99",
      "max",
    ],
    numeric: [false, true, true, true, true, true, true, true, true, true],
    rows: all.map((f) => [
      `${f.result.scenario.id}: ${f.result.scenario.title}`,
      count(f.clients),
      count(f.expected - f.missing),
      count(f.missing),
      ms(f.delivery.p50),
      ms(f.delivery.p99),
      ms(f.delivery.max),
      ms(f.endToEnd.p50),
      ms(f.endToEnd.p99),
      ms(f.endToEnd.max),
    ]),
  };
}

function breakdownTable(all: ScenarioFigures[]): Table {
  return {
    headings: [
      "scenario",
      "first p50",
      "same process p50",
      "p99",
      "via Redis p50",
      "p99",
      "fan-out p50",
      "max",
      "HTTP p50",
      "max",
      "machine busy",
    ],
    numeric: [false, ...Array<boolean>(10).fill(true)],
    rows: all.map((f) => [
      f.result.scenario.id,
      ms(f.first.p50),
      ms(f.sameProcess.p50),
      ms(f.sameProcess.p99),
      ms(f.otherProcess.p50),
      ms(f.otherProcess.p99),
      ms(f.fanOut.p50),
      ms(f.fanOut.max),
      ms(f.http.p50),
      ms(f.http.max),
      `${(f.result.cpu.machineBusy * 100).toFixed(0)}%`,
    ]),
  };
}

function openingTable(all: ScenarioFigures[], names: string[]): Table {
  const seconds = (used: number) => (used / 1000).toFixed(1);
  return {
    headings: [
      "scenario",
      "clients",
      "connect + join s",
      "presence events",
      ...names.map((name) => `${name} CPU s`),
      "bench CPU s",
    ],
    numeric: [false, ...Array<boolean>(4 + names.length).fill(true)],
    rows: all.map((f) => {
      const { cpu, presenceEvents } = f.result.opening;
      return [
        f.result.scenario.id,
        count(f.clients),
        f.result.openSeconds.toFixed(1),
        count(presenceEvents),
        ...names.map((_name, server) => seconds(cpu.apiMs[server] ?? 0)),
        seconds(cpu.benchMs),
      ];
    }),
  };
}

/** Fewer connections than this on a process make a per-connection figure noise. */
const fewConnections = 50;

/** Memory per connection, or a dash when there are too few to tell. */
function perConnection(before: number, after: number, connections: number) {
  return connections < fewConnections
    ? "–"
    : ((after - before) / connections).toFixed(1);
}

/** One process's memory figures: RSS before and after, and per connection. */
function memoryCells(
  before: MemorySample,
  after: MemorySample,
  connections: number,
): string[] {
  return [
    count(connections),
    mib(before.rssKiB),
    mib(after.rssKiB),
    perConnection(before.rssKiB, after.rssKiB, connections),
    perConnection(before.heapKiB, after.heapKiB, connections),
  ];
}

function resourceRows(f: ScenarioFigures, names: string[]): string[][] {
  const { memory, cpu, clientServers, updates, scenario } = f.result;
  const perUpdate = (used: number) => (used / updates.length).toFixed(1);
  const rows = names.map((name, server) => {
    const before = memory.before.api[server];
    const after = memory.after.api[server];
    const connections = clientServers.filter((s) => s === server).length;
    return [
      scenario.id,
      name,
      ...(before && after
        ? memoryCells(before, after, connections)
        : Array<string>(5).fill("–")),
      perUpdate(cpu.apiMs[server] ?? 0),
    ];
  });
  rows.push([
    scenario.id,
    "bench",
    ...memoryCells(
      memory.before.bench,
      memory.after.bench,
      clientServers.length,
    ),
    perUpdate(cpu.benchMs),
  ]);
  return rows;
}

function resourceTable(all: ScenarioFigures[], names: string[]): Table {
  return {
    headings: [
      "scenario",
      "process",
      "connections",
      "RSS MiB before",
      "after",
      "RSS KiB per connection",
      "heap KiB per connection",
      "CPU ms per update",
    ],
    numeric: [false, false, true, true, true, true, true, true],
    rows: all.flatMap((f) => resourceRows(f, names)),
  };
}

/** Plain text for the terminal, columns padded to their widest cell. */
function textTable(table: Table): string {
  const all = [table.headings, ...table.rows];
  const widths = table.headings.map((_heading, column) =>
    Math.max(...all.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return table.numeric[column]
          ? cell.padStart(width)
          : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(table.headings), rule, ...table.rows.map(line)].join("\n");
}

function markdownTable(table: Table): string {
  const line = (row: string[]) => `| ${row.join(" | ")} |`;
  const rule = table.numeric.map((right) => (right ? "---:" : "---"));
  return [line(table.headings), line(rule), ...table.rows.map(line)].join("\n");
}

/** How the run went, beside the figures. */
export interface RunDescription {
  date: Date;
  machine: string;
  postgres: string;
  code: string;
  setup: string;
  /** 1-minute load average before and after the scenarios. */
  load: string;
  /** The API processes, by name, for the resource table. */
  processNames: string[];
  warnings: string;
}

/** The worst p99 delivery of the scenarios with fan-out (all but the baseline). */
function headline(all: ScenarioFigures[]): string {
  const measured = all.filter((f) => f.result.scenario.id !== "0");
  const worst = Math.max(...measured.map((f) => f.delivery.p99));
  return `p99 delivery: ${ms(worst)} ms (aim < 100 ms)`;
}

/** The summary lines under the tables. */
export function summaries(
  all: ScenarioFigures[],
  run: RunDescription,
): string[] {
  const missing = all.reduce((sum, f) => sum + f.missing, 0);
  const expected = all.reduce((sum, f) => sum + f.expected, 0);
  const strays = all.reduce((sum, f) => sum + f.result.strays, 0);
  const duplicates = all.reduce((sum, f) => sum + f.result.duplicates, 0);
  const disconnects = all.flatMap((f) =>
    [...f.result.disconnects].map(
      ([reason, n]) => `${f.result.scenario.id}: ${reason} × ${n}`,
    ),
  );
  const perScenario = all
    .map((f) => `${f.result.scenario.id} ${ms(f.delivery.p99)} ms`)
    .join(", ");
  return [
    headline(all),
    `p99 delivery by scenario: ${perScenario}.`,
    `Missing deliveries: ${count(missing)} of ${count(expected)}; ` +
      `events to the wrong room: ${count(strays)}; duplicates: ` +
      `${count(duplicates)}; unexpected disconnections: ` +
      `${disconnects.length > 0 ? disconnects.join(", ") : "none"}.`,
    run.load,
    `API log lines at warn or above: ${run.warnings}.`,
  ];
}

const explanation = [
  "Each scenario runs on two freshly started API processes, after one",
  "unmeasured update through each.",
  "",
  "- **delivery**: client receipt time minus the event's `at` (the",
  "  server's clock when it emitted; same machine clock, ±1 ms as `at` has",
  "  whole milliseconds).",
  "- **end-to-end**: receipt minus the moment just before the `PATCH` was",
  "  sent.",
  "- **first**: per update, the delivery of its first receipt.",
  "- **same process** / **via Redis**: delivery to clients of the process",
  "  that served the `PATCH`, and of the other one.",
  "- **fan-out**: per update, last receipt minus first.",
  "- **HTTP**: the `PATCH`'s own response time.",
  "- **machine busy**: share of the whole machine's CPU time in use while",
  "  updating, whoever used it.",
  "- **presence events**: `presence.changed` events the clients received",
  "  while joining (every join announces the room to the whole room).",
  "- **KiB per connection**: (memory once every client joined and the",
  "  processes were quiet − memory before) / connections on that process;",
  "  RSS from `/proc/<pid>/status` and V8 heap in use, each sampled right",
  "  after a full garbage collection. The `bench` row is the clients' side,",
  "  all in the benchmark process.",
  "- **CPU ms per update**: CPU time used from the first measured update",
  "  to the last delivery, divided by the updates; the process serving a",
  "  `PATCH` spends part of it on the request itself.",
];

/** The report for the terminal. */
export function textReport(
  all: ScenarioFigures[],
  run: RunDescription,
): string {
  return [
    "Delivery (ms)",
    textTable(deliveryTable(all)),
    "",
    "Where the time goes (ms)",
    textTable(breakdownTable(all)),
    "",
    "Opening the clients",
    textTable(openingTable(all, run.processNames)),
    "",
    "Memory, and CPU while updating",
    textTable(resourceTable(all, run.processNames)),
    "",
    ...summaries(all, run),
  ].join("\n");
}

/** Writes the report as Markdown, formatted as the repository's Prettier. */
export async function writeMarkdown(
  file: string,
  all: ScenarioFigures[],
  run: RunDescription,
): Promise<void> {
  const text = [
    "# Ares realtime benchmark",
    "",
    `Measured ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC` +
      ` on ${run.machine}; ${run.postgres}; code ${run.code}.`,
    "",
    run.setup,
    "",
    `**${headline(all)}**`,
    "",
    "## Delivery (ms)",
    "",
    markdownTable(deliveryTable(all)),
    "",
    "## Where the time goes (ms)",
    "",
    markdownTable(breakdownTable(all)),
    "",
    "## Opening the clients",
    "",
    markdownTable(openingTable(all, run.processNames)),
    "",
    "## Memory, and CPU while updating",
    "",
    markdownTable(resourceTable(all, run.processNames)),
    "",
    "## Summary",
    "",
    ...summaries(all, run)
      .slice(1)
      .map((line) => `- ${line}`),
    "",
    "## Reading the tables",
    "",
    ...explanation,
    "",
  ].join("\n");
  const options = await resolveConfig(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    await format(text, { ...options, filepath: file, parser: "markdown" }),
  );
}
