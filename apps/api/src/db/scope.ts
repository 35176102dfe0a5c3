import { sql, type Transaction } from "kysely";
import { currentTenantId } from "../context.js";
import type { Database } from "./database.js";
import type { Schema } from "./schema.js";

/** A transaction running as the restricted application role. */
export type Tx = Transaction<Schema>;

/** The role every application query runs as: no superuser, no BYPASSRLS. */
export const appRole = "ares_app";

/** Thrown when tenant data is reached without a tenant: a programming error. */
export class TenantContextMissingError extends Error {
  constructor() {
    super("No tenant context: refusing to touch tenant data");
    this.name = "TenantContextMissingError";
  }
}

interface ScopeSettings {
  tenantId?: string;
  userId?: string;
  loginEmail?: string;
}

/**
 * Runs `fn` in a transaction as the application role, with the given
 * transaction-local settings that the row-level security policies read.
 * `set_config(..., true)` ends with the transaction, so a pooled connection
 * never carries one request's tenant into the next.
 */
async function inScope<T>(
  db: Database,
  settings: ScopeSettings,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', ${appRole}, true),
      set_config('app.tenant_id', ${settings.tenantId ?? ""}, true),
      set_config('app.user_id', ${settings.userId ?? ""}, true),
      set_config('app.login_email', ${settings.loginEmail ?? ""}, true)`.execute(
      tx,
    );
    return fn(tx);
  });
}

/**
 * Runs `fn` inside the current request's tenant. Without a tenant in the
 * request context it throws before touching the database: fail closed.
 */
export function tenantTransaction<T>(
  db: Database,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const tenantId = currentTenantId();
  if (!tenantId) {
    return Promise.reject(new TenantContextMissingError());
  }
  return inScope(db, { tenantId }, fn);
}

/**
 * Runs `fn` for a signed-in person outside any one tenant: row-level
 * security then shows only their own account, memberships and the
 * organizations they belong to. Used to choose which organization to enter.
 */
export function identityTransaction<T>(
  db: Database,
  userId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inScope(db, { userId }, fn);
}

/**
 * Runs `fn` to look up the one account with `email` before its password is
 * checked; no tenant data is visible.
 */
export function loginTransaction<T>(
  db: Database,
  email: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inScope(db, { loginEmail: email }, fn);
}
