/**
 * Preloaded (`--import`, with `--expose-gc`) into the API processes the
 * realtime benchmark starts: on SIGUSR2 it collects garbage and writes one
 * JSON line with the heap left in use, so that a memory sample measures
 * what connections hold rather than garbage not yet collected.
 */
import { probeMessage } from "./realtime-settings.js";

const collect = (globalThis as { gc?: () => void }).gc;

process.on("SIGUSR2", () => {
  collect?.();
  const { heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ msg: probeMessage, heapUsed })}\n`);
});
