import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "@ares/contracts";

/** Who is acting, as proven by a verified access token. */
export interface Identity {
  userId: string;
  tenantId: string;
  role: Role;
  sessionId: string;
}

/** What the code handling one request may know about it. */
export interface RequestContext {
  requestId: string;
  identity?: Identity;
  /**
   * Set only while an organization is being created, before any token for
   * it exists; see `runAsNewTenant`.
   */
  newTenantId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a fresh context for one request or job. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Binds a verified identity to the current request. */
export function bindIdentity(identity: Identity): void {
  const context = storage.getStore();
  if (!context) {
    throw new Error("bindIdentity called outside a request context");
  }
  context.identity = identity;
}

/**
 * Runs `fn` as the organization that is being created. Sign-up is the one
 * place a tenant id exists before a token can carry it.
 */
export function runAsNewTenant<T>(tenantId: string, fn: () => T): T {
  const parent = storage.getStore();
  return storage.run(
    { requestId: parent?.requestId ?? "internal", newTenantId: tenantId },
    fn,
  );
}

/** The tenant of the current context, or undefined when there is none. */
export function currentTenantId(): string | undefined {
  const context = storage.getStore();
  return context?.identity?.tenantId ?? context?.newTenantId;
}
