import { Writable } from "node:stream";
import { createLogger, type Logger } from "../src/logger.js";

/** A logger that prints only when TEST_LOG_LEVEL asks it to. */
export function quietLogger(): Logger {
  return createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
}

/** A logger whose lines are kept, parsed, for assertions. */
export function capturingLogger(): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = createLogger("debug", sink);
  return { logger, lines };
}
