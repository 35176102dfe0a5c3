/**
 * The browser side of a session: restores it from the refresh cookie at
 * start-up, renews the access token before it expires, and keeps the tabs
 * of this browser in step (they share the cookie, so they share the
 * session).
 */
import { authResponseSchema, type AuthResponse } from "@ares/contracts";

import { ApiError } from "../api/api-error";
import { parseBody, readApiError, send } from "../api/http";
import { withCrossTabLock } from "./cross-tab-lock";
import {
  clearAccessToken,
  markRestoring,
  markUnreachable,
  readAccessToken,
  readAuthStatus,
  saveAccessToken,
} from "./token-store";

/** What the rest of the app hears about the session. */
export type SessionEvent =
  | { type: "started"; auth: AuthResponse }
  | { type: "ended"; reason: SessionEndReason };

/**
 * Why a session ended here: signed out (here, in another tab or by the
 * server), or its organization was suspended.
 */
export type SessionEndReason = "signedOut" | "suspended";

/** What one tab tells the others. */
type TabMessage = { type: "signedOut" } | { type: "changed" };

const channelName = "ares.auth";
/** How long to wait before trying again when a renewal could not reach us. */
export const renewalRetryMs = 30_000;

const sessionListeners = new Set<(event: SessionEvent) => void>();
let channel: BroadcastChannel | null = null;
let inFlight: Promise<AuthResponse> | null = null;
let renewalTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Starts listening to the other tabs and restores the session from the
 * refresh cookie; call once, before the first render.
 */
export function initializeAuth(): Promise<void> {
  if (channel === null && typeof BroadcastChannel === "function") {
    channel = new BroadcastChannel(channelName);
    channel.addEventListener("message", handleTabMessage);
  }
  return restoreSession();
}

/**
 * Asks the refresh cookie for a session. Ends signed in or signed out, or
 * unreachable when the API did not answer (the page offers to retry).
 */
export async function restoreSession(): Promise<void> {
  markRestoring();
  try {
    await refreshSession();
  } catch (error) {
    if (!isSessionEnded(error)) {
      markUnreachable();
    }
  }
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers in
 * this tab share one request, and tabs take turns: the server treats a
 * refresh token used twice as stolen and ends the session.
 */
export function refreshSession(): Promise<AuthResponse> {
  inFlight ??= withCrossTabLock("ares.auth.refresh", requestRefresh).finally(
    () => {
      inFlight = null;
    },
  );
  return inFlight;
}

/**
 * A token to retry with after the API rejected `rejected`: the current one
 * when another request already renewed it, a refreshed one otherwise, or
 * null when the session is over.
 */
export async function renewAccessToken(
  rejected: string,
): Promise<string | null> {
  const current = readAccessToken();
  if (current !== null && current !== rejected) {
    return current;
  }
  try {
    return (await refreshSession()).accessToken;
  } catch {
    return null;
  }
}

/**
 * Adopts a session the user just started here (sign-in, sign-up, switching
 * organization, accepting an invitation) and tells the other tabs.
 */
export function startSession(auth: AuthResponse): void {
  adoptSession(auth);
  announce({ type: "changed" });
}

/** Ends the session in every tab, after the server was told (or not). */
export function endSession(): void {
  endLocally();
  announce({ type: "signedOut" });
}

/**
 * Ends the session in every tab because the API refused it: its
 * organization is suspended. The person can still sign in to their other
 * organizations.
 */
export function endSuspendedSession(): void {
  endLocally("suspended");
  announce({ type: "signedOut" });
}

/** Calls `listener` when a session starts or renews, and when it ends. */
export function subscribeToSessionEvents(
  listener: (event: SessionEvent) => void,
): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

/** When to renew a token that lives `expiresIn` seconds: well before. */
export function renewalDelayMs(expiresIn: number): number {
  const lifetime = expiresIn * 1000;
  return Math.max(0, Math.min(lifetime * 0.8, lifetime - 60_000));
}

async function requestRefresh(): Promise<AuthResponse> {
  const response = await send("/auth/refresh", null, {
    method: "POST",
    body: {},
  });
  if (!response.ok) {
    const error = await readApiError(response);
    // Other tabs share the cookie and will hear the same answer on their
    // next request; telling them now could sign out a tab that has just
    // signed in while this request was on its way.
    if (isSessionEnded(error)) {
      endLocally(
        error.code === "organization_suspended" ? "suspended" : "signedOut",
      );
    }
    throw error;
  }
  const auth = await parseBody(response, authResponseSchema);
  adoptSession(auth);
  return auth;
}

function adoptSession(auth: AuthResponse): void {
  saveAccessToken(auth.accessToken, auth.expiresIn);
  scheduleRenewal(renewalDelayMs(auth.expiresIn));
  emit({ type: "started", auth });
}

function endLocally(reason: SessionEndReason = "signedOut"): void {
  clearTimeout(renewalTimer);
  const wasSignedIn = readAuthStatus() === "signedIn";
  clearAccessToken();
  if (wasSignedIn) {
    emit({ type: "ended", reason });
  }
}

function scheduleRenewal(delayMs: number): void {
  clearTimeout(renewalTimer);
  renewalTimer = setTimeout(handleRenewalDue, delayMs);
}

function handleRenewalDue(): void {
  refreshSession().catch(() => {
    if (readAuthStatus() === "signedIn") {
      scheduleRenewal(renewalRetryMs);
    }
  });
}

function handleTabMessage(event: MessageEvent<unknown>): void {
  const message = event.data;
  if (!isTabMessage(message)) {
    return;
  }
  if (message.type === "signedOut") {
    endLocally();
    return;
  }
  // The cookie now belongs to a new session (another person, or another
  // organization): pick it up rather than carry on with the old token.
  refreshSession().catch(() => undefined);
}

function announce(message: TabMessage): void {
  channel?.postMessage(message);
}

function emit(event: SessionEvent): void {
  for (const listener of sessionListeners) {
    listener(event);
  }
}

/**
 * True when the refresh cookie no longer opens a session: it ended, or its
 * organization is suspended (the server then forgets the cookie too).
 */
function isSessionEnded(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 401 || error.code === "organization_suspended")
  );
}

function isTabMessage(value: unknown): value is TabMessage {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    (value.type === "signedOut" || value.type === "changed")
  );
}
