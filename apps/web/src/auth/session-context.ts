import type { Session } from "@ares/contracts";
import { createContext, useContext } from "react";

/** The loaded session, provided to every page behind `RequireSession`. */
export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only valid inside `RequireSession`. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error("useCurrentSession is only valid inside RequireSession");
  }
  return session;
}
