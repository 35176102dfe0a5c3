import { sql, type Transaction } from "kysely";
import { defaultWorkflow } from "@ares/contracts";
import { hashPassword } from "../apps/api/src/auth/passwords.js";
import type { Database } from "../apps/api/src/db/database.js";
import type { Schema } from "../apps/api/src/db/schema.js";
import { orgMix } from "./config.js";
import { note, secondsSince } from "./output.js";

/** Every seeded account signs in with this password. */
export const benchPassword = "bench password, not a secret";

type Tx = Transaction<Schema>;

/**
 * Records which organization is which, in a schema of the benchmark's own
 * (the API never reads it): the first is the smallest, the second the
 * largest, the rest typical. People are the owner (k = 0) and members.
 */
async function planOrganizations(tx: Tx): Promise<void> {
  await sql`create schema bench`.execute(tx);
  await sql`create table bench.orgs (
      n integer primary key,
      label text not null,
      org_id uuid not null unique default gen_random_uuid(),
      workspace_id uuid not null default gen_random_uuid(),
      project_id uuid not null default gen_random_uuid(),
      task_count integer not null
    )`.execute(tx);
  await sql`insert into bench.orgs (n, label, task_count)
    select n,
      case n when 1 then 'smallest' when 2 then 'largest' else 'typical' end,
      case n when 1 then ${orgMix.smallestTasks}::int
             when 2 then ${orgMix.largestTasks}::int
             else ${orgMix.typicalTasks}::int end
    from generate_series(1, ${orgMix.total}::int) n`.execute(tx);
  await sql`create table bench.people (
      org_n integer not null references bench.orgs,
      k integer not null,
      user_id uuid not null unique default gen_random_uuid(),
      email text not null,
      role text not null,
      primary key (org_n, k)
    )`.execute(tx);
  await sql`insert into bench.people (org_n, k, email, role)
    select o.n, k,
      case k when 0 then format('owner-%s@bench.ares.test', o.n)
             else format('member-%s-%s@bench.ares.test', o.n, k) end,
      case k when 0 then 'owner' else 'member' end
    from bench.orgs o cross join generate_series(0, ${orgMix.membersPerOrg}::int) k`.execute(
    tx,
  );
}

/** Organizations, accounts, memberships, one workspace and one project each. */
async function seedTenants(tx: Tx, passwordHash: string): Promise<void> {
  await sql`insert into organizations (id, name, created_at)
    select org_id, format('Bench org %s (%s)', n, label),
      now() - interval '400 days'
    from bench.orgs`.execute(tx);
  await sql`insert into users (id, email, name, password_hash, created_at)
    select user_id, email,
      case k when 0 then format('Owner %s', org_n)
             else format('Member %s.%s', org_n, k) end,
      ${passwordHash}, now() - interval '400 days'
    from bench.people`.execute(tx);
  await sql`insert into memberships (tenant_id, user_id, role, created_at)
    select o.org_id, p.user_id, p.role, now() - interval '400 days'
    from bench.people p join bench.orgs o on o.n = p.org_n`.execute(tx);
  await sql`insert into workspaces (tenant_id, id, name, created_by, created_at)
    select o.org_id, o.workspace_id, 'Product', p.user_id,
      now() - interval '400 days'
    from bench.orgs o join bench.people p on p.org_n = o.n and p.k = 0`.execute(
    tx,
  );
  await sql`insert into workspace_members (tenant_id, workspace_id, user_id, role)
    select o.org_id, o.workspace_id, p.user_id, 'member'
    from bench.orgs o join bench.people p on p.org_n = o.n and p.k > 0`.execute(
    tx,
  );
  await sql`insert into projects (tenant_id, id, workspace_id, key, name,
      workflow, task_counter, created_by, created_at)
    select o.org_id, o.project_id, o.workspace_id, 'WORK', 'Work',
      ${JSON.stringify(defaultWorkflow)}::jsonb, o.task_count, p.user_id,
      now() - interval '400 days'
    from bench.orgs o join bench.people p on p.org_n = o.n and p.k = 0`.execute(
    tx,
  );
}

/**
 * Tasks, numbered 1..n per project with increasing positions. The oldest
 * 70% are mostly done; the newest 30% are mostly open. A fifth are
 * unassigned, the rest spread over the organization's five people.
 * The random draws sit in a subquery kept apart by `offset 0`, so each is
 * drawn once per row however often the outer query reads it.
 */
async function seedTasks(tx: Tx): Promise<void> {
  await sql`insert into tasks (tenant_id, id, project_id, number, title,
      description, status, priority, assignee_id, due_date, labels, estimate,
      position, created_by, created_at, updated_at, status_changed_at,
      completed_at)
    select tenant_id, gen_random_uuid(), project_id, n, title, description,
      status, priority, assignee_id, due_date, labels, estimate, position,
      created_by, created_at, updated_at, updated_at,
      case when status = 'done' then updated_at end
    from (
      select o.org_id as tenant_id, o.project_id, r.n,
        format('%s the %s %s (#%s)',
          (array['Fix', 'Write', 'Review', 'Plan', 'Ship', 'Test', 'Design',
                 'Refactor'])[1 + r.n % 8],
          (array['billing', 'sign-in', 'search', 'export', 'onboarding',
                 'settings', 'dashboard', 'mobile', 'import', 'reporting',
                 'notification', 'permissions'])[1 + r.n % 12],
          (array['page', 'flow', 'API', 'copy', 'tests', 'bug'])[1 + r.n % 6],
          r.n) as title,
        case when r.r1 < 0.4 then ''
             else repeat('Context, steps to reproduce and acceptance notes. ',
                         1 + (r.r1 * 8)::int) end as description,
        case when r.age < 0.7 then
               case when r.r2 < 0.85 then 'done' when r.r2 < 0.93 then 'cancelled'
                    when r.r2 < 0.97 then 'todo' else 'in_progress' end
             else
               case when r.r2 < 0.5 then 'todo' when r.r2 < 0.75 then 'in_progress'
                    when r.r2 < 0.88 then 'in_review' when r.r2 < 0.97 then 'done'
                    else 'cancelled' end
        end as status,
        case when r.r3 < 0.3 then 'none' when r.r3 < 0.55 then 'low'
             when r.r3 < 0.8 then 'medium' when r.r3 < 0.95 then 'high'
             else 'urgent' end as priority,
        case when r.r4 < 0.2 then null
             else r.people[1 + floor(r.r5 * cardinality(r.people))::int] end
          as assignee_id,
        case when r.r6 < 0.45 then null
             else current_date + (floor(r.r6 * 150)::int - 90) end as due_date,
        array_remove(array[
          case when r.r7 < 0.25 then 'bug' when r.r7 < 0.55 then 'feature' end,
          case when r.r8 < 0.2 then 'backend' when r.r8 < 0.35 then 'frontend' end,
          case when r.r9 < 0.1 then 'ux' when r.r9 < 0.15 then 'security' end
        ]::text[], null) as labels,
        case when r.r9 < 0.5 then null
             else (array[1, 2, 3, 5, 8, 13])[1 + floor(r.r8 * 6)::int] end
          as estimate,
        r.n * 1024.0 as position,
        r.people[1 + floor(r.r4 * cardinality(r.people))::int] as created_by,
        now() - interval '365 days' * (1 - r.age) - interval '1 hour' as created_at,
        now() - interval '365 days' * (1 - r.age) * (1 - r.r1)
          - interval '1 minute' as updated_at
      from bench.orgs o
      cross join lateral (
        select g.n, g.n::float8 / o.task_count as age, people.ids as people,
          random() as r1, random() as r2, random() as r3, random() as r4,
          random() as r5, random() as r6, random() as r7, random() as r8,
          random() as r9
        from generate_series(1, o.task_count) g(n),
          (select array_agg(p.user_id order by p.k) as ids
             from bench.people p where p.org_n = o.n) people
        offset 0
      ) r
    ) t`.execute(tx);
}

/**
 * What creating and then working on the tasks would have left behind:
 * a "created" activity entry for each, and its status history.
 */
async function seedHistory(tx: Tx): Promise<void> {
  await sql`insert into task_activity (tenant_id, task_id, version, actor_id,
      kind, to_value, created_at)
    select tenant_id, id, 1, created_by, 'created',
      jsonb_build_object('title', title, 'status', 'todo'), created_at
    from tasks`.execute(tx);
  await sql`insert into task_status_changes (tenant_id, task_id, from_status,
      to_status, changed_by, changed_at)
    select tenant_id, id, null, 'todo', created_by, created_at from tasks
    union all
    select tenant_id, id, 'todo', status, assignee_id, status_changed_at
    from tasks where status <> 'todo'`.execute(tx);
}

const bulkTables = ["tasks", "task_activity", "task_status_changes"];

/**
 * Drops the secondary indexes of the bulk-loaded tables and returns the
 * statements that recreate them as the migrations defined them: building
 * an index once is several times faster than growing it row by row.
 * Indexes behind constraints (keys, unique) stay.
 */
async function dropSecondaryIndexes(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select i.indexrelid::regclass::text as name,
      pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid = any(${bulkTables}::regclass[])
      and not exists (select 1 from pg_constraint c
                      where c.conindid = i.indexrelid)`.execute(tx);
  for (const index of rows) {
    await sql`drop index ${sql.id(index.name)}`.execute(tx);
  }
  return rows.map((index) => index.definition);
}

/**
 * Fills a freshly migrated database in one transaction, as the superuser
 * (which row-level security does not apply to). Foreign-key triggers are
 * skipped for the load (`session_replication_role = replica`): every
 * reference is built from the rows just inserted, so none can dangle.
 */
export async function seed(db: Database): Promise<void> {
  const passwordHash = await hashPassword(benchPassword);
  await db.kysely.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await sql`set local synchronous_commit = off`.execute(tx);
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    await sql`select setseed(0.42)`.execute(tx);
    await planOrganizations(tx);
    await seedTenants(tx, passwordHash);
    const indexes = await dropSecondaryIndexes(tx);
    let start = performance.now();
    await seedTasks(tx);
    note(`tasks inserted in ${secondsSince(start)} s`);
    start = performance.now();
    await seedHistory(tx);
    note(`history inserted in ${secondsSince(start)} s`);
    start = performance.now();
    for (const definition of indexes) {
      await sql.raw(definition).execute(tx);
    }
    note(`${indexes.length} indexes built in ${secondsSince(start)} s`);
  });
}

/** Brings statistics and the visibility map up to date after the load. */
export async function vacuumAnalyze(db: Database): Promise<void> {
  await sql`vacuum (analyze)`.execute(db.kysely);
}

/** Row counts of the tables the benchmark fills. */
export async function rowCounts(db: Database): Promise<[string, number][]> {
  const tables = [
    "organizations",
    "users",
    "memberships",
    "workspaces",
    "workspace_members",
    "projects",
    "tasks",
    "task_activity",
    "task_status_changes",
  ];
  const counts: [string, number][] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)}`.execute(db.kysely);
    counts.push([table, rows[0]?.n ?? 0]);
  }
  return counts;
}
