import { sql, type RawBuilder } from "kysely";
import { authResponseSchema, type Priority } from "@ares/contracts";
import type { Database } from "../apps/api/src/db/database.js";
import { orgMix } from "./config.js";
import { benchPassword } from "./seed.js";

/** A task the scenarios read or edit, with what an editor last saw of it. */
export interface TargetTask {
  id: string;
  version: number;
  priority: Priority;
}

/** One organization under load: who signs in, where, and which tasks. */
export interface TargetOrg {
  label: string;
  orgId: string;
  ownerEmail: string;
  projectId: string;
  taskCount: number;
  tasks: TargetTask[];
  /** Set by `signIn`. */
  accessToken: string;
}

/** The organizations the scenarios hit. */
export interface Targets {
  smallest: TargetOrg;
  largest: TargetOrg;
  mixed: TargetOrg[];
}

interface OrgRow {
  label: string;
  org_id: string;
  email: string;
  project_id: string;
  task_count: number;
  tasks: TargetTask[];
}

/**
 * Picks, as the superuser, the smallest and largest organizations with up
 * to `perOrg` random tasks each, and `mixedOrgs` random typical ones.
 * Versions are read from the database, so a reused database works too.
 */
async function pick(
  db: Database,
  where: RawBuilder<unknown>,
  orgs: number,
  perOrg: number,
): Promise<OrgRow[]> {
  const { rows } = await sql<OrgRow>`
    select o.label, o.org_id, p.email, o.project_id, o.task_count, t.tasks
    from (select * from bench.orgs where ${where}
          order by random() limit ${orgs}) o
    join bench.people p on p.org_n = o.n and p.k = 0
    cross join lateral (
      select json_agg(json_build_object('id', id, 'version', version,
                                        'priority', priority)) as tasks
      from (select id, version, priority from tasks
            where tenant_id = o.org_id order by random() limit ${perOrg}) s
    ) t
    order by o.n`.execute(db.kysely);
  return rows;
}

function toTarget(row: OrgRow): TargetOrg {
  return {
    label: row.label,
    orgId: row.org_id,
    ownerEmail: row.email,
    projectId: row.project_id,
    taskCount: row.task_count,
    tasks: row.tasks,
    accessToken: "",
  };
}

export async function chooseTargets(db: Database): Promise<Targets> {
  await sql`select setseed(0.7)`.execute(db.kysely);
  const [smallest] = await pick(db, sql`label = 'smallest'`, 1, 2000);
  const [largest] = await pick(db, sql`label = 'largest'`, 1, 2000);
  const mixed = await pick(db, sql`label = 'typical'`, orgMix.mixedOrgs, 100);
  if (!smallest || !largest || mixed.length === 0) {
    throw new Error("ares_bench holds no seeded organizations; reseed it");
  }
  return {
    smallest: toTarget(smallest),
    largest: toTarget(largest),
    mixed: mixed.map(toTarget),
  };
}

/**
 * Reads the current version and priority of every sampled task, so an
 * edit the previous run left in flight (its answer never read) does not
 * turn into a conflict in the next.
 */
export async function refreshTasks(
  db: Database,
  orgs: TargetOrg[],
): Promise<void> {
  const byId = new Map(
    orgs.flatMap((org) => org.tasks).map((task) => [task.id, task]),
  );
  const { rows } = await sql<TargetTask>`
    select id, version, priority from tasks
    where id = any(${[...byId.keys()]}::uuid[])`.execute(db.kysely);
  for (const row of rows) {
    const task = byId.get(row.id);
    if (task) {
      task.version = row.version;
      task.priority = row.priority;
    }
  }
}

/** Signs the owner in through the API and keeps the access token. */
export async function signIn(baseUrl: string, org: TargetOrg): Promise<void> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: org.ownerEmail,
      password: benchPassword,
      organizationId: org.orgId,
      refreshTokenDelivery: "body",
    }),
  });
  if (!response.ok) {
    throw new Error(
      `Signing in ${org.ownerEmail} answered ${response.status}: ${await response.text()}`,
    );
  }
  org.accessToken = authResponseSchema.parse(await response.json()).accessToken;
}

/** Signs in every owner, a few at a time (each check costs an argon2 hash). */
export async function signInAll(
  baseUrl: string,
  orgs: TargetOrg[],
): Promise<void> {
  const queue = [...orgs];
  const worker = async () => {
    for (let org = queue.shift(); org; org = queue.shift()) {
      await signIn(baseUrl, org);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}
