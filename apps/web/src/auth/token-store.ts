/**
 * Where the access token lives between page loads. It is kept in
 * localStorage for now; when sign-in moves to refresh cookies, only this
 * module needs to change.
 */

const storageKey = "ares.auth";
const listeners = new Set<() => void>();

interface StoredToken {
  accessToken: string;
  /** Milliseconds since the epoch after which the token is no longer sent. */
  expiresAt: number;
}

/** Returns the current access token, or null when signed out or expired. */
export function readAccessToken(): string | null {
  const stored = readStoredToken();
  if (stored === null || stored.expiresAt <= Date.now()) {
    return null;
  }
  return stored.accessToken;
}

/** Remembers a freshly issued token that expires in `expiresIn` seconds. */
export function saveAccessToken(accessToken: string, expiresIn: number): void {
  const stored: StoredToken = {
    accessToken,
    expiresAt: Date.now() + expiresIn * 1000,
  };
  localStorage.setItem(storageKey, JSON.stringify(stored));
  notifyListeners();
}

/** Forgets the token, which signs the user out of this browser. */
export function clearAccessToken(): void {
  localStorage.removeItem(storageKey);
  notifyListeners();
}

/**
 * Calls `listener` whenever the token may have changed, in this tab or in
 * another one; returns a function that stops listening.
 */
export function subscribeToAccessToken(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function notifyListeners(): void {
  for (const listener of listeners) {
    listener();
  }
}

function readStoredToken(): StoredToken | null {
  const raw = localStorage.getItem(storageKey);
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    return isStoredToken(value) ? value : null;
  } catch {
    return null;
  }
}

function isStoredToken(value: unknown): value is StoredToken {
  return (
    typeof value === "object" &&
    value !== null &&
    "accessToken" in value &&
    typeof value.accessToken === "string" &&
    "expiresAt" in value &&
    typeof value.expiresAt === "number"
  );
}
