import autocannon from "autocannon";

/** What one or more runs of the same workload produced, summed up. */
export interface LoadResult {
  /** 2xx answers per second: refusals and conflicts never count. */
  requestsPerSecond: number;
  /** Latency of 2xx answers, in milliseconds. */
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  /** Answers by status code, non-2xx ones only. */
  failures: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
}

/** One run as measured, before it is summed up with others. */
export interface RawRun {
  ok: number;
  non2xx: number;
  failures: Record<string, number>;
  errors: number;
  seconds: number;
  /** Every 2xx answer's latency, in milliseconds. */
  latencies: number[];
}

/** How hard and how long to push. */
export interface LoadOptions {
  connections: number;
  seconds: number;
}

let running: autocannon.Instance | undefined;

/** Stops the run in progress, if any (on Ctrl-C). */
export function stopLoad(): void {
  running?.stop();
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const index = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, index))] ?? Number.NaN;
}

/** Sums runs of one workload up, as if they were one run. */
export function combine(runs: RawRun[]): LoadResult {
  const total = (pick: (run: RawRun) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0);
  const failures: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.failures)) {
      failures[code] = (failures[code] ?? 0) + n;
    }
  }
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const seconds = total((run) => run.seconds);
  const ok = total((run) => run.ok);
  return {
    requestsPerSecond: ok / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    ok,
    non2xx: total((run) => run.non2xx),
    failures,
    errors: total((run) => run.errors),
    seconds,
  };
}

/**
 * Sends `request` over `connections` keep-alive connections, one request
 * in flight on each, for `seconds`. Latencies are kept exactly (autocannon's
 * own histogram rounds to whole milliseconds) and only for 2xx answers.
 */
export function runLoad(
  baseUrl: string,
  request: autocannon.Request,
  options: LoadOptions,
): Promise<RawRun> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        pipelining: 1,
        duration: options.seconds,
        timeout: 30,
        excludeErrorStats: true,
        requests: [request],
      },
      (error: unknown, result) => {
        running = undefined;
        if (error) {
          reject(
            error instanceof Error
              ? error
              : new Error("autocannon failed", { cause: error }),
          );
          return;
        }
        const failures: Record<string, number> = {};
        for (const [code, stats] of Object.entries(
          result.statusCodeStats ?? {},
        )) {
          if (!code.startsWith("2")) {
            failures[code] = stats.count ?? 0;
          }
        }
        resolve({
          ok: result["2xx"],
          non2xx: result.non2xx,
          failures,
          errors: result.errors,
          seconds: result.duration,
          latencies,
        });
      },
    );
    running = instance;
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTime);
      }
    });
  });
}
