import { useSyncExternalStore } from "react";

import { readAccessToken, subscribeToAccessToken } from "./token-store";

/** The current access token, re-rendering when it is saved or cleared. */
export function useAccessToken(): string | null {
  return useSyncExternalStore(subscribeToAccessToken, readAccessToken);
}
