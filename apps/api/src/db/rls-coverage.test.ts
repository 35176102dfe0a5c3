import { sql, type Kysely } from "kysely";
import type { Schema } from "./schema.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import type { Database } from "./database.js";
import { appRole } from "./scope.js";

interface TableSecurity {
  table: string;
  rlsEnabled: boolean;
  rlsForced: boolean;
  tenantPolicies: number;
}

/** Tables owned by one tenant: every table with a tenant_id column. */
async function tenantTables(db: Kysely<Schema>): Promise<TableSecurity[]> {
  const { rows } = await sql<TableSecurity>`
    select c.relname as "table",
           c.relrowsecurity as "rlsEnabled",
           c.relforcerowsecurity as "rlsForced",
           (select count(*)::int from pg_policies p
             where p.schemaname = 'public' and p.tablename = c.relname
               and p.qual like '%app_tenant_id()%') as "tenantPolicies"
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and (c.relname = 'organizations' or exists (
             select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attname = 'tenant_id'
                and not a.attisdropped))
     order by 1`.execute(db);
  return rows;
}

describe("row-level security coverage", () => {
  let db: Database;
  beforeAll(async () => {
    db = await sharedTestDatabase();
  });

  it("finds the tenant tables it guards", async () => {
    const tables = (await tenantTables(db.kysely)).map((t) => t.table);
    expect(tables).toEqual(
      expect.arrayContaining(["memberships", "organizations"]),
    );
  });

  it("has RLS enabled, forced and keyed on the tenant for every tenant table", async () => {
    const unguarded = (await tenantTables(db.kysely)).filter(
      (t) => !t.rlsEnabled || !t.rlsForced || t.tenantPolicies < 1,
    );
    expect(unguarded).toEqual([]);
  });

  it("would report a new tenant table that lacks forced RLS", async () => {
    const rollback = new Error("rollback");
    const seen = db.kysely.transaction().execute(async (tx) => {
      await sql`create table rogue (tenant_id uuid not null)`.execute(tx);
      const rogue = (await tenantTables(tx)).find((t) => t.table === "rogue");
      expect(rogue).toMatchObject({ rlsEnabled: false, tenantPolicies: 0 });
      throw rollback;
    });
    await expect(seen).rejects.toBe(rollback);
  });

  it("secures every other table too, accounts and sessions included", async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as "table"
        from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
         and c.relname not like 'kysely_%'
         and (not c.relrowsecurity or not c.relforcerowsecurity
              or not exists (select 1 from pg_policies p
                              where p.schemaname = 'public'
                                and p.tablename = c.relname))`.execute(
      db.kysely,
    );
    expect(rows).toEqual([]);
  });

  it("keeps the security event log append-only for the application", async () => {
    const { rows } = await sql<{ privilege: string }>`
      select privilege_type as privilege
        from information_schema.role_table_grants
       where grantee = ${appRole} and table_name = 'security_events'
       order by 1`.execute(db.kysely);
    expect(rows.map((row) => row.privilege)).toEqual(["INSERT", "SELECT"]);
  });

  it("makes tenant_id NOT NULL and the first primary key column", async () => {
    const { rows } = await sql<{
      table: string;
      nullable: boolean;
      first: string;
    }>`
      select c.relname as "table",
             not a.attnotnull as nullable,
             (select a2.attname from pg_index i
                join pg_attribute a2 on a2.attrelid = i.indrelid
                 and a2.attnum = i.indkey[0]
               where i.indrelid = c.oid and i.indisprimary) as first
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and a.attname = 'tenant_id' and not a.attisdropped`.execute(db.kysely);
    expect(rows.length).toBeGreaterThan(0);
    const wrong = rows.filter((r) => r.nullable || r.first !== "tenant_id");
    expect(wrong).toEqual([]);
  });

  it("leads every foreign key between tenant tables with tenant_id", async () => {
    const { rows } = await sql<{ name: string; first: string }>`
      select con.conname as name, a.attname as first
        from pg_constraint con
        join pg_attribute a on a.attrelid = con.conrelid
         and a.attnum = con.conkey[1]
       where con.contype = 'f'
         and con.connamespace = 'public'::regnamespace
         and exists (select 1 from pg_attribute t
                      where t.attrelid = con.conrelid and t.attname = 'tenant_id')
         and exists (select 1 from pg_attribute t
                      where t.attrelid = con.confrelid and t.attname = 'tenant_id')`.execute(
      db.kysely,
    );
    const wrong = rows.filter((r) => r.first !== "tenant_id");
    expect(wrong).toEqual([]);
  });

  it("runs the application as a role that cannot bypass RLS", async () => {
    const { rows } = await sql<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      owned: number;
    }>`
      select r.rolsuper, r.rolbypassrls,
             (select count(*)::int from pg_class c
               where c.relowner = r.oid
                 and c.relnamespace = 'public'::regnamespace) as owned
        from pg_roles r where r.rolname = ${appRole}`.execute(db.kysely);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owned: 0 }]);
  });
});
