import type { Config } from "../config.js";
import type { DatabaseTarget } from "./database.js";

/** A PostgreSQL server when DATABASE_URL is set, embedded PGlite otherwise. */
export function databaseTarget(config: Config): DatabaseTarget {
  if (config.databaseUrl) {
    return { kind: "postgres", url: config.databaseUrl };
  }
  return { kind: "pglite", dataDir: config.dataDir };
}
