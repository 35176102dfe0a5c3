import crypto from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

/** Databases this run created on the server, found by their shared prefix. */
async function dropRunDatabases(url: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`ares_test_${runId}_%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

export default function setup(project: TestProject) {
  const runId = crypto.randomBytes(4).toString("hex");
  project.provide("testRunId", runId);
  const url = process.env.DATABASE_URL;
  if (!url || project.name !== "postgres") {
    return undefined;
  }
  return () => dropRunDatabases(url, runId);
}
