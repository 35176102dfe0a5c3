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
  /** The client's address, as Express resolved it (proxy-aware). */
  ip?: string | undefined;
  identity?: Identity;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a fresh context for one request or job. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Binds the identity a verified access token proved to this request. */
export function bindIdentity(identity: Identity): void {
  const context = storage.getStore();
  if (!context) {
    throw new Error("bindIdentity called outside a request context");
  }
  context.identity = identity;
}

/**
 * Runs `fn` as an identity proven some other way than by a token: a
 * password at sign-in, an invitation being accepted, an organization
 * being created. These are the only places a tenant enters the context
 * without an access token.
 */
export function runAsIdentity<T>(identity: Identity, fn: () => T): T {
  const parent = storage.getStore();
  return storage.run(
    { requestId: parent?.requestId ?? "internal", ip: parent?.ip, identity },
    fn,
  );
}

/** The tenant of the current context, or undefined when there is none. */
export function currentTenantId(): string | undefined {
  return storage.getStore()?.identity?.tenantId;
}
