import pg from "pg";
import { inject } from "vitest";
import {
  openDatabase,
  type Database,
  type DatabaseTarget,
} from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { quietLogger } from "./logging.js";

/** Which backend this test project runs on, set by vitest.config.ts. */
export function testBackend(): DatabaseTarget["kind"] {
  return process.env.ARES_TEST_DB === "postgres" ? "postgres" : "pglite";
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("The postgres test project needs DATABASE_URL");
  }
  return url;
}

let created = 0;

/** Creates an empty database on the server, named for this run and worker. */
export async function createServerDatabase(): Promise<string> {
  const base = serverUrl();
  created += 1;
  const name = `ares_test_${inject("testRunId")}_${process.pid}_${created}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a fresh, migrated database on this project's backend. */
export async function openTestDatabase(
  options: { poolSize?: number; url?: string } = {},
): Promise<Database> {
  const target: DatabaseTarget =
    testBackend() === "postgres"
      ? {
          kind: "postgres",
          url: options.url ?? (await createServerDatabase()),
          poolSize: options.poolSize,
        }
      : { kind: "pglite" };
  const db = await openDatabase(target);
  await migrateToLatest(db, quietLogger());
  return db;
}

let shared: Promise<Database> | undefined;

/** The worker's database, booted once and shared by its test files. */
export function sharedTestDatabase(): Promise<Database> {
  shared ??= openTestDatabase();
  return shared;
}
