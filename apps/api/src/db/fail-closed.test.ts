import crypto from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import {
  sharedTestDatabase,
  testBackend,
  openTestDatabase,
} from "../../test/database.js";
import { registerOrganization, testApp } from "../../test/harness.js";
import { runWithContext } from "../context.js";
import type { Database } from "./database.js";
import {
  identityTransaction,
  platformTransaction,
  TenantContextMissingError,
  tenantTransaction,
} from "./scope.js";

/** Runs `fn` as if a verified token for `tenantId` had been presented. */
function asTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  return runWithContext(
    {
      requestId: "test",
      identity: {
        tenantId,
        userId: crypto.randomUUID(),
        role: "owner",
        sessionId: crypto.randomUUID(),
      },
    },
    fn,
  );
}

describe("tenant isolation in the database", () => {
  let db: Database;
  let orgA: string;
  let orgB: string;
  let userA: string;

  beforeAll(async () => {
    const { http } = await testApp();
    db = await sharedTestDatabase();
    const a = await registerOrganization(http, { organizationName: "Alpha" });
    const b = await registerOrganization(http, { organizationName: "Beta" });
    orgA = a.organization.id;
    orgB = b.organization.id;
    userA = a.user.id;
  });

  it("refuses a tenant transaction when no tenant is in context", async () => {
    const attempt = runWithContext({ requestId: "test" }, () =>
      tenantTransaction(db, (tx) =>
        tx.selectFrom("memberships").selectAll().execute(),
      ),
    );
    await expect(attempt).rejects.toBeInstanceOf(TenantContextMissingError);
  });

  it("refuses outside any request context too", async () => {
    const attempt = tenantTransaction(db, (tx) =>
      tx.selectFrom("organizations").selectAll().execute(),
    );
    await expect(attempt).rejects.toBeInstanceOf(TenantContextMissingError);
  });

  it("refuses a platform transaction without an organization, and shows one only its own", async () => {
    const attempt = platformTransaction(db, "", (tx) =>
      tx.selectFrom("organizations").selectAll().execute(),
    );
    await expect(attempt).rejects.toBeInstanceOf(TenantContextMissingError);

    const seen = await platformTransaction(db, orgA, async (tx) => ({
      organizations: await tx
        .selectFrom("organizations")
        .select("id")
        .execute(),
      sessions: await tx.selectFrom("sessions").select("id").execute(),
    }));
    expect(seen).toEqual({ organizations: [{ id: orgA }], sessions: [] });
  });

  it("shows no rows to the application role when no tenant is set", async () => {
    const rows = await db.kysely.transaction().execute(async (tx) => {
      await sql`select set_config('role', 'ares_app', true)`.execute(tx);
      const organizations = await tx
        .selectFrom("organizations")
        .selectAll()
        .execute();
      const memberships = await tx
        .selectFrom("memberships")
        .selectAll()
        .execute();
      const users = await tx.selectFrom("users").selectAll().execute();
      return [...organizations, ...memberships, ...users];
    });
    expect(rows).toEqual([]);
  });

  it("refuses writes when no tenant is set", async () => {
    const attempt = db.kysely.transaction().execute(async (tx) => {
      await sql`select set_config('role', 'ares_app', true)`.execute(tx);
      await tx
        .insertInto("organizations")
        .values({ id: crypto.randomUUID(), name: "Stray" })
        .execute();
    });
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("shows a tenant only its own organization and memberships", async () => {
    const seen = await asTenant(orgA, () =>
      tenantTransaction(db, async (tx) => ({
        organizations: await tx
          .selectFrom("organizations")
          .select("id")
          .execute(),
        memberships: await tx
          .selectFrom("memberships")
          .select("tenant_id")
          .execute(),
      })),
    );
    expect(seen.organizations).toEqual([{ id: orgA }]);
    expect(seen.memberships).toEqual([{ tenant_id: orgA }]);
  });

  it("refuses to write a row into another tenant", async () => {
    const attempt = asTenant(orgA, () =>
      tenantTransaction(db, (tx) =>
        tx
          .insertInto("memberships")
          .values({ tenant_id: orgB, user_id: userA, role: "admin" })
          .execute(),
      ),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const changed = await asTenant(orgA, () =>
      tenantTransaction(db, async (tx) => {
        const renamed = await tx
          .updateTable("organizations")
          .set({ name: "Hijacked" })
          .where("id", "=", orgB)
          .executeTakeFirst();
        const removed = await tx
          .deleteFrom("memberships")
          .where("tenant_id", "=", orgB)
          .executeTakeFirst();
        return Number(renamed.numUpdatedRows) + Number(removed.numDeletedRows);
      }),
    );
    expect(changed).toBe(0);
    const beta = await db.kysely
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", orgB)
      .executeTakeFirstOrThrow();
    expect(beta.name).toBe("Beta");
  });

  it("shows a signed-in person only their own memberships outside a tenant", async () => {
    const memberships = await identityTransaction(db, userA, (tx) =>
      tx.selectFrom("memberships").select(["tenant_id", "user_id"]).execute(),
    );
    expect(memberships).toEqual([{ tenant_id: orgA, user_id: userA }]);
  });

  it("keeps tenants apart when one connection reuses a prepared plan", async () => {
    const single =
      testBackend() === "postgres"
        ? await openTestDatabase({ poolSize: 1 })
        : db;
    const { http } = await testApp({ db: single });
    const first = (await registerOrganization(http)).organization.id;
    const second = (await registerOrganization(http)).organization.id;
    const seen: string[][] = [];
    // Past five runs PostgreSQL may switch to a generic cached plan.
    for (let run = 0; run < 12; run += 1) {
      const tenant = run % 2 === 0 ? first : second;
      const rows = await asTenant(tenant, () =>
        tenantTransaction(single, (tx) =>
          tx
            .selectFrom("memberships")
            .select("tenant_id")
            .where("role", "=", "owner")
            .execute(),
        ),
      );
      seen.push([tenant, ...rows.map((row) => row.tenant_id)]);
    }
    for (const [tenant, ...visible] of seen) {
      expect(visible).toEqual([tenant]);
    }
    if (single !== db) {
      await single.close();
    }
  });

  it("does not carry a tenant from one transaction into the next on a connection", async () => {
    // One pooled connection, so the second transaction reuses the first's.
    const single =
      testBackend() === "postgres"
        ? await openTestDatabase({ poolSize: 1 })
        : db;
    const { http } = await testApp({ db: single });
    const org = await registerOrganization(http);

    await asTenant(org.organization.id, () =>
      tenantTransaction(single, (tx) =>
        tx.selectFrom("memberships").selectAll().execute(),
      ),
    );
    const after = await single.kysely.transaction().execute(async (tx) => {
      await sql`select set_config('role', 'ares_app', true)`.execute(tx);
      const { rows } = await sql<{ tenant: string | null }>`
        select current_setting('app.tenant_id', true) as tenant`.execute(tx);
      const visible = await tx.selectFrom("memberships").selectAll().execute();
      return { tenant: rows[0]?.tenant ?? null, visible };
    });
    expect(after.tenant ?? "").toBe("");
    expect(after.visible).toEqual([]);
    if (single !== db) {
      await single.close();
    }
  });
});
