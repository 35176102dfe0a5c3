/** Writes one line of the benchmark's report to standard output. */
export function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a progress note to standard error, apart from the figures. */
export function note(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

/** Seconds since `start` (a `performance.now()` reading), to one decimal. */
export function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}

/** A whole number with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}
