import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type Dialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Schema } from "./schema.js";

/**
 * Where the data lives: a PostgreSQL server, or embedded PGlite in a
 * folder (or in memory, without one).
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number | undefined }
  | { kind: "pglite"; dataDir?: string | undefined };

/**
 * The connection to the system of record. `kysely` connects as the schema
 * owner; application code must reach it only through the scopes in
 * `scope.ts`, which drop to the restricted role.
 */
export interface Database {
  kind: DatabaseTarget["kind"];
  kysely: Kysely<Schema>;
  close(): Promise<void>;
}

// Both drivers read values alike: timestamps as Date, bigint counts as
// numbers, calendar dates and numerics as text (no time-zone shifts, no
// lost precision; presenters convert them).
const asText = (value: string) => value;
const asNumber = (value: string) => Number(value);
pg.types.setTypeParser(pg.types.builtins.INT8, asNumber);
pg.types.setTypeParser(pg.types.builtins.DATE, asText);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, asText);
const pgliteParsers = {
  [pg.types.builtins.INT8]: asNumber,
  [pg.types.builtins.DATE]: asText,
  [pg.types.builtins.NUMERIC]: asText,
};

/** Called when an idle pooled connection fails, e.g. the server restarts. */
export type ConnectionErrorListener = (error: Error) => void;

/** Opens the database for a target; nothing is migrated here. */
export async function openDatabase(
  target: DatabaseTarget,
  onConnectionError: ConnectionErrorListener = () => undefined,
): Promise<Database> {
  const dialect = await createDialect(target, onConnectionError);
  const kysely = new Kysely<Schema>({ dialect });
  return {
    kind: target.kind,
    kysely,
    close: () => kysely.destroy(),
  };
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Sends every parameterised statement as a named prepared statement, so
 * PostgreSQL plans it once per connection instead of on every call. With
 * row-level security each plan expands the policies, and re-planning cost
 * a fifth of the throughput in the benchmark; cached generic plans still
 * read app.tenant_id at run time, so they never mix tenants.
 */
function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFunction;
  const prepared = (...args: unknown[]) => {
    const [text, values] = args;
    if (
      typeof text === "string" &&
      Array.isArray(values) &&
      values.length > 0
    ) {
      const name = `ares_${crypto.createHash("sha1").update(text).digest("hex")}`;
      return query({ name, text, values }, ...args.slice(2));
    }
    return query(...args);
  };
  Object.assign(client, { query: prepared });
}

async function createDialect(
  target: DatabaseTarget,
  onConnectionError: ConnectionErrorListener,
): Promise<Dialect> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      application_name: "ares",
    });
    // The pool replaces a broken idle connection by itself; without a
    // listener the error would end the process.
    pool.on("error", onConnectionError);
    pool.on("connect", prepareStatements);
    return new PostgresDialect({ pool });
  }
  if (!target.dataDir) {
    return new PGliteDialect(await PGlite.create({ parsers: pgliteParsers }));
  }
  const pgDir = path.join(target.dataDir, "pg");
  fs.mkdirSync(pgDir, { recursive: true });
  return new PGliteDialect(
    await PGlite.create(pgDir, { parsers: pgliteParsers }),
  );
}
