import { sql, type Transaction } from "kysely";
import { currentContext } from "../context.js";
import type { Database } from "./database.js";
import { isTransientConflict } from "./errors.js";
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

/** The transaction-local settings the row-level security policies read. */
interface ScopeSettings {
  tenantId?: string;
  userId?: string;
  loginEmail?: string;
  lookupHash?: string;
}

const afterCommitCallbacks = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `callback` once the transaction `tx` has committed, and never if it
 * rolls back: how changes are announced only when they are facts.
 */
export function afterCommit(tx: Tx, callback: () => void): void {
  const callbacks = afterCommitCallbacks.get(tx);
  if (!callbacks) {
    throw new Error("afterCommit needs a transaction opened by a scope");
  }
  callbacks.push(callback);
}

/**
 * Runs `fn` in a transaction as the application role with `settings`.
 * `set_config(..., true)` ends with the transaction, so a pooled connection
 * never carries one request's tenant into the next.
 */
async function inScope<T>(
  db: Database,
  settings: ScopeSettings,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const callbacks: (() => void)[] = [];
  const result = await db.kysely.transaction().execute(async (tx) => {
    afterCommitCallbacks.set(tx, callbacks);
    await sql`select set_config('role', ${appRole}, true),
      set_config('app.tenant_id', ${settings.tenantId ?? ""}, true),
      set_config('app.user_id', ${settings.userId ?? ""}, true),
      set_config('app.login_email', ${settings.loginEmail ?? ""}, true),
      set_config('app.lookup_hash', ${settings.lookupHash ?? ""}, true)`.execute(
      tx,
    );
    return fn(tx);
  });
  for (const callback of callbacks) {
    callback();
  }
  return result;
}

/**
 * Runs `fn` inside the current request's tenant, as its user. Without a
 * tenant in the request context it throws before touching the database:
 * fail closed.
 */
export function tenantTransaction<T>(
  db: Database,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const identity = currentContext()?.identity;
  if (!identity) {
    return Promise.reject(new TenantContextMissingError());
  }
  const { tenantId, userId } = identity;
  return inScope(db, { tenantId, userId }, fn);
}

/**
 * Runs `fn` inside one organization on the platform's own behalf rather
 * than a member's: an operator's action such as a suspension. The tenant
 * is still mandatory and row-level security applies as in any tenant
 * transaction; no user is set, so no one's sessions or tokens are visible.
 */
export function platformTransaction<T>(
  db: Database,
  organizationId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!organizationId) {
    return Promise.reject(new TenantContextMissingError());
  }
  return inScope(db, { tenantId: organizationId }, fn);
}

/**
 * Runs `fn` for a signed-in person outside any one tenant: row-level
 * security then shows only their own account, sessions, memberships and
 * the organizations they belong to.
 */
export function identityTransaction<T>(
  db: Database,
  userId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inScope(db, { userId }, fn);
}

/**
 * Runs `fn` before anyone is known, to find the one row a secret points
 * at: the account with an email being signed in to, or the refresh token,
 * reset token or invitation whose SHA-256 hash is `lookupHash`. Nothing
 * else is visible.
 */
export function lookupTransaction<T>(
  db: Database,
  key: { loginEmail?: string; lookupHash?: string },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inScope(db, key, fn);
}

/**
 * Runs `transaction` again when PostgreSQL aborted it for a deadlock or a
 * serialization failure, up to `attempts` times in all. Only for work whose
 * every effect is in the database or after commit: a rolled-back attempt
 * must leave nothing behind (an email sent over SMTP would).
 */
export async function retryTransient<T>(
  transaction: () => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) {
        throw error;
      }
    }
  }
}
