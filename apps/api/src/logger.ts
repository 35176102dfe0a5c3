import { pino, type DestinationStream, type Logger } from "pino";
import { currentContext } from "./context.js";

export type { Logger };

/** Fields that must never reach a log line, wherever they appear. */
const redactedPaths = [
  "password",
  "*.password",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
];

/**
 * Creates the one application logger. Every line carries the request id,
 * tenant and user of the request it was written in, when there is one.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    redact: { paths: redactedPaths, censor: "[redacted]" },
    mixin() {
      const context = currentContext();
      if (!context) {
        return {};
      }
      return {
        requestId: context.requestId,
        tenantId: context.identity?.tenantId,
        userId: context.identity?.userId,
      };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
