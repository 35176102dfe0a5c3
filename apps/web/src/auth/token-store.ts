/**
 * The access token, kept in memory only: a page load starts without one and
 * asks for a fresh one with the httpOnly refresh cookie. Scripts can never
 * read the cookie, and nothing here survives the tab.
 */

/**
 * Where this tab stands: restoring (asking the refresh cookie at start-up),
 * signed in, signed out, or unreachable (the API did not answer at start-up).
 */
export type AuthStatus = "restoring" | "signedIn" | "signedOut" | "unreachable";

interface AuthState {
  status: AuthStatus;
  accessToken: string | null;
  /** Milliseconds since the epoch after which the token is no longer valid. */
  expiresAt: number;
}

const listeners = new Set<() => void>();
let state: AuthState = { status: "restoring", accessToken: null, expiresAt: 0 };

/** Where this tab stands; see `AuthStatus`. */
export function readAuthStatus(): AuthStatus {
  return state.status;
}

/** The access token to send, or null when signed out. */
export function readAccessToken(): string | null {
  return state.accessToken;
}

/** True when a token is held and still within its lifetime. */
export function hasFreshAccessToken(now = Date.now()): boolean {
  return state.accessToken !== null && state.expiresAt > now;
}

/** Remembers a freshly issued token that expires in `expiresIn` seconds. */
export function saveAccessToken(accessToken: string, expiresIn: number): void {
  setState({
    status: "signedIn",
    accessToken,
    expiresAt: Date.now() + expiresIn * 1000,
  });
}

/** Forgets the token: this tab is signed out. */
export function clearAccessToken(): void {
  setState({ status: "signedOut", accessToken: null, expiresAt: 0 });
}

/** Marks a start-up restore as in progress (again, after a failure). */
export function markRestoring(): void {
  setState({ status: "restoring", accessToken: null, expiresAt: 0 });
}

/** Marks a start-up restore as failed because the API did not answer. */
export function markUnreachable(): void {
  setState({ status: "unreachable", accessToken: null, expiresAt: 0 });
}

/** Calls `listener` after every change; returns a function that stops it. */
export function subscribeToAuthStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function setState(next: AuthState): void {
  state = next;
  for (const listener of listeners) {
    listener();
  }
}
