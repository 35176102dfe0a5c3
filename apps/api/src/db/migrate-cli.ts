import { loadConfig, loadDotEnv } from "../config.js";
import { createLogger } from "../logger.js";
import { databaseTarget } from "./target.js";
import { openDatabase } from "./database.js";
import { migrateToLatest } from "./migrate.js";

loadDotEnv();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openDatabase(databaseTarget(config));
try {
  const applied = await migrateToLatest(db, logger);
  logger.info({ applied: applied.length }, "schema is up to date");
} catch (error) {
  logger.error({ err: error }, "migration failed");
  process.exitCode = 1;
} finally {
  await db.close();
}
