import { useSyncExternalStore } from "react";

import {
  readAuthStatus,
  subscribeToAuthStatus,
  type AuthStatus,
} from "./token-store";

/** Where this tab stands, re-rendering when it signs in or out. */
export function useAuthStatus(): AuthStatus {
  return useSyncExternalStore(subscribeToAuthStatus, readAuthStatus);
}
