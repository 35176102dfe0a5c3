import { loadConfig, loadDotEnv } from "./config.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";

loadDotEnv();
const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const server = await startServer(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => {
    stop("SIGTERM");
  });
  process.on("SIGINT", () => {
    stop("SIGINT");
  });
} catch (error) {
  logger.fatal({ err: error }, "could not start");
  process.exit(1);
}
