import fs from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import type { LoadResult } from "./load.js";

/**
 * The database state a run saw: row-level security on or off, as the
 * migrations define the schema or (`+ix`) with a twin of each tenant-led
 * index minus its tenant_id column.
 */
export type Rls = "on" | "off" | "on+ix" | "off+ix";

/** One scenario run against one organization in one database state. */
export interface Measurement {
  scenario: string;
  org: string;
  rls: Rls;
  result: LoadResult;
}

const headings = [
  "scenario",
  "org",
  "RLS",
  "req/s",
  "p50 ms",
  "p99 ms",
  "non-2xx",
];
/** Which columns hold figures, to align them right in the terminal. */
const numeric = [false, false, false, true, true, true, true];

function failures(result: LoadResult): string {
  const codes = Object.entries(result.failures).map(
    ([code, n]) => `${code}×${n}`,
  );
  if (result.errors > 0) {
    codes.push(`connection errors×${result.errors}`);
  }
  return codes.length > 0
    ? `${result.non2xx} (${codes.join(", ")})`
    : String(result.non2xx);
}

function cells(measurement: Measurement): string[] {
  const { result } = measurement;
  return [
    measurement.scenario,
    measurement.org,
    measurement.rls,
    result.requestsPerSecond.toFixed(0),
    result.p50.toFixed(1),
    result.p99.toFixed(1),
    failures(result),
  ];
}

/** The table for the terminal, columns padded to their widest cell. */
export function textTable(measurements: Measurement[]): string {
  const rows = [headings, ...measurements.map(cells)];
  const widths = headings.map((_heading, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return numeric[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(headings), rule, ...rows.slice(1).map(line)].join("\n");
}

function markdownTable(measurements: Measurement[]): string {
  const line = (row: string[]) => `| ${row.join(" | ")} |`;
  const rule = numeric.map((right) => (right ? "---:" : "---"));
  return [line(headings), line(rule), ...measurements.map(cells).map(line)]
    .map((row) => row.replaceAll("×", "x"))
    .join("\n");
}

function find(
  measurements: Measurement[],
  scenario: string,
  org: string,
  rls: Rls,
): LoadResult | undefined {
  return measurements.find(
    (m) => m.scenario === scenario && m.org === org && m.rls === rls,
  )?.result;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * How many times more requests per second the smallest organization gets
 * than the largest, per scenario, with RLS on. 1.00x means no difference.
 */
function sizeSummary(measurements: Measurement[]): string {
  const parts: string[] = [];
  for (const scenario of unique(measurements.map((m) => m.scenario))) {
    const small = find(measurements, scenario, "smallest", "on");
    const large = find(measurements, scenario, "largest", "on");
    if (small && large) {
      const ratio = small.requestsPerSecond / large.requestsPerSecond;
      parts.push(`${scenario} ${ratio.toFixed(2)}x`);
    }
  }
  return `largest vs smallest (RLS on): ${parts.join(", ")} (aim ≤ 1.5x)`;
}

/** `fn(base, other)` for each scenario and organization measured in both. */
function compare(
  measurements: Measurement[],
  base: Rls,
  other: Rls,
  fn: (base: LoadResult, other: LoadResult) => string,
): string {
  const parts: string[] = [];
  const pairs = unique(measurements.map((m) => `${m.scenario}\n${m.org}`));
  for (const pair of pairs) {
    const [scenario = "", org = ""] = pair.split("\n");
    const first = find(measurements, scenario, org, base);
    const second = find(measurements, scenario, org, other);
    if (first && second) {
      parts.push(`${scenario}/${org} ${fn(first, second)}`);
    }
  }
  return parts.join(", ");
}

/**
 * The summary lines: size scaling; what row-level security costs, as
 * (req/s off+ix − req/s on+ix) / req/s off+ix (negative: RLS on was
 * faster); and RLS off as it is, as a share of RLS on.
 */
export function summaries(measurements: Measurement[]): string[] {
  const cost = compare(measurements, "on+ix", "off+ix", (on, off) => {
    const pct =
      ((off.requestsPerSecond - on.requestsPerSecond) / off.requestsPerSecond) *
      100;
    return `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`;
  });
  const bare = compare(
    measurements,
    "on",
    "off",
    (on, off) =>
      `${(off.requestsPerSecond / on.requestsPerSecond).toFixed(2)}x`,
  );
  return [
    sizeSummary(measurements),
    `RLS cost: ${cost} (aim < 15%; on+ix against off+ix)`,
    `RLS off as-is runs at ${bare} of the RLS-on throughput: the API's ` +
      `queries name no tenant, so without the policies they lose the ` +
      `tenant_id that leads every index.`,
  ];
}

/** Everything the Markdown report says about the run, besides the table. */
export interface RunDescription {
  date: Date;
  machine: string;
  postgres: string;
  code: string;
  settings: string;
  data: string;
  seeding: string;
  /** The machine's load average around the runs. */
  load: string;
}

/** Writes the report as Markdown, formatted as the repository's Prettier. */
export async function writeMarkdown(
  file: string,
  run: RunDescription,
  measurements: Measurement[],
): Promise<void> {
  const text = [
    "# Ares API benchmark",
    "",
    `Measured ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC` +
      ` on ${run.machine}; ${run.postgres}; code ${run.code}.`,
    "",
    `- **Data:** ${run.data}`,
    `- **Seeding:** ${run.seeding}`,
    `- **Load:** ${run.settings}`,
    `- **Machine load:** ${run.load}`,
    "",
    markdownTable(measurements),
    "",
    "req/s counts 2xx answers only; p50 and p99 are latencies of 2xx",
    "answers; non-2xx lists every other answer by status. RLS `on`: the",
    "schema as migrated; `off`: row-level security disabled on every table;",
    "`on+ix` and `off+ix`: the same with a twin of every tenant-led index",
    "without its tenant_id column (what the queries would use if they named",
    "their tenant themselves), alternating in slices; the RLS cost compares",
    "these two. Smallest and largest alternate in slices too.",
    "",
    ...summaries(measurements).map((line) => `- ${line}`),
    "",
  ].join("\n");
  const options = await resolveConfig(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    await format(text, { ...options, filepath: file, parser: "markdown" }),
  );
}
