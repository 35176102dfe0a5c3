import { sql } from "kysely";
import { openDatabase, type Database } from "../apps/api/src/db/database.js";
import { migrateToLatest } from "../apps/api/src/db/migrate.js";
import { createLogger } from "../apps/api/src/logger.js";
import { benchDatabase } from "./config.js";

/** Opens a small pool on `url` as the superuser, runs `fn`, closes it. */
export async function withDatabase<T>(
  url: string,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase({ kind: "postgres", url, poolSize: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Drops `ares_bench` if present (ending its sessions) and creates it. */
export async function recreateBenchDatabase(adminUrl: string): Promise<void> {
  await withDatabase(adminUrl, async (db) => {
    await dropBench(db);
    await sql`create database ${sql.id(benchDatabase)}`.execute(db.kysely);
  });
}

export async function dropBenchDatabase(adminUrl: string): Promise<void> {
  await withDatabase(adminUrl, dropBench);
}

async function dropBench(db: Database): Promise<void> {
  await sql`drop database if exists ${sql.id(benchDatabase)} with (force)`.execute(
    db.kysely,
  );
}

/** Applies the API's migrations, exactly as its start-up would. */
export async function migrateBench(db: Database): Promise<void> {
  await migrateToLatest(db, createLogger("warn"));
}

/** A table under row-level security: its state now. */
export interface SecuredTable {
  name: string;
  enabled: boolean;
  /** Kept by PostgreSQL while RLS is disabled, so it survives a toggle. */
  forced: boolean;
}

/**
 * Every table in `public` that has row-level security enabled or policies
 * (which only a disabled table would have without it).
 */
export async function securedTables(db: Database): Promise<SecuredTable[]> {
  const { rows } = await sql<SecuredTable>`
    select c.relname as name, c.relrowsecurity as enabled,
      c.relforcerowsecurity as forced
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and (c.relrowsecurity
           or exists (select 1 from pg_policy p where p.polrelid = c.oid))
    order by c.relname`.execute(db.kysely);
  return rows;
}

/**
 * Turns row-level security off on `tables`: the application role then sees
 * every row of every tenant. Only for measuring what the policies cost.
 */
export async function disableRowSecurity(
  db: Database,
  tables: SecuredTable[],
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    for (const table of tables) {
      await sql`alter table ${sql.id(table.name)} disable row level security`.execute(
        tx,
      );
    }
  });
}

/** Enables row-level security again, and forces it where it was forced. */
export async function restoreRowSecurity(
  db: Database,
  tables: SecuredTable[],
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    for (const table of tables) {
      const name = sql.id(table.name);
      await sql`alter table ${name} enable row level security`.execute(tx);
      if (table.forced) {
        await sql`alter table ${name} force row level security`.execute(tx);
      }
    }
  });
}

/**
 * Waits until no other session on the benchmark database is inside a
 * statement or transaction: requests a finished run left in flight would
 * otherwise overlap the next run, or deadlock with `alter table`.
 */
export async function waitForQuiet(db: Database): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ busy: number }>`
      select count(*)::int as busy from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and backend_type = 'client backend' and state <> 'idle'`.execute(
      db.kysely,
    );
    if ((rows[0]?.busy ?? 0) === 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The database stayed busy for 30 s after a run");
}

const twinPrefix = "bench_twin_";

/**
 * For each btree index of the secured tables that leads with tenant_id,
 * builds a twin without that column, so that with RLS off the API's
 * queries (which name no tenant: the policies add it) still find an index,
 * as they would if each query named its tenant itself. Returns how many.
 */
export async function createTenantlessTwins(
  db: Database,
  tables: SecuredTable[],
): Promise<number> {
  const { rows } = await sql<{ definition: string }>`
    select pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_class x on x.oid = i.indexrelid
    join pg_am am on am.oid = x.relam
    join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
    where t.relname = any(${tables.map((table) => table.name)}::text[])
      and t.relnamespace = 'public'::regnamespace
      and am.amname = 'btree' and a.attname = 'tenant_id'
      and i.indnkeyatts > 1
    order by x.relname`.execute(db.kysely);
  const pattern =
    /^CREATE (?:UNIQUE )?INDEX \S+ ON (\S+) USING btree \(tenant_id, (.+)$/;
  await db.kysely.transaction().execute(async (tx) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    let n = 0;
    for (const { definition } of rows) {
      const match = pattern.exec(definition);
      if (!match) {
        throw new Error(`Cannot derive a twin from: ${definition}`);
      }
      n += 1;
      const [, table = "", rest = ""] = match;
      await sql
        .raw(`create index ${twinPrefix}${n} on ${table} using btree (${rest}`)
        .execute(tx);
    }
  });
  return rows.length;
}

/** Drops every twin `createTenantlessTwins` built, if any are left. */
export async function dropTenantlessTwins(db: Database): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class
    where relkind = 'i' and relnamespace = 'public'::regnamespace
      and starts_with(relname, ${twinPrefix})`.execute(db.kysely);
  for (const { name } of rows) {
    await sql`drop index ${sql.id(name)}`.execute(db.kysely);
  }
}
