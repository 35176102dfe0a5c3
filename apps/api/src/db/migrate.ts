import { Migrator } from "kysely";
import type { Logger } from "../logger.js";
import type { Database } from "./database.js";
import { migrations } from "./migrations/index.js";

/**
 * Brings the schema up to date. Applied migrations are recorded, and a lock
 * keeps two processes from migrating at once, so running it twice is safe.
 */
export async function migrateToLatest(
  db: Database,
  logger: Logger,
): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  for (const result of results) {
    const log = result.status === "Success" ? logger.info : logger.error;
    log.call(logger, { migration: result.migrationName }, "migration applied");
  }
  if (error) {
    throw error instanceof Error
      ? error
      : new Error("Migration failed", { cause: error });
  }
  return results.map((result) => result.migrationName);
}
