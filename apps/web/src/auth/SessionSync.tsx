import type { Session } from "@ares/contracts";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { sessionFromAuth } from "../api/auth";
import { notifyNotice } from "../notify";
import { subscribeToSessionEvents, type SessionEvent } from "./auth-session";
import { sessionQueryKey } from "./session-query";

/**
 * Keeps the query cache in step with the session: a renewed session updates
 * who is signed in, a different person or organization starts from an empty
 * cache, and signing out forgets everything. Renders nothing.
 */
export function SessionSync() {
  const queryClient = useQueryClient();
  useEffect(() => {
    function handleSessionEvent(event: SessionEvent) {
      if (event.type === "ended") {
        queryClient.clear();
        if (event.reason === "suspended") {
          notifyNotice(
            "Your organization is suspended",
            "You were signed out of it. You can still sign in to your other organizations.",
          );
        }
        return;
      }
      applySession(queryClient, sessionFromAuth(event.auth));
    }
    return subscribeToSessionEvents(handleSessionEvent);
  }, [queryClient]);
  return null;
}

/**
 * Seeds the session so pages need not ask `/api/me`, and drops what was
 * loaded for another identity: it belongs to someone, or somewhere, else.
 */
export function applySession(queryClient: QueryClient, session: Session): void {
  const previous = queryClient.getQueryData<Session>(sessionQueryKey);
  queryClient.setQueryData(sessionQueryKey, session);
  if (previous !== undefined && isSameIdentity(previous, session)) {
    return;
  }
  queryClient.getMutationCache().clear();
  void queryClient.resetQueries({
    predicate: (query) => query.queryKey[0] !== sessionQueryKey[0],
  });
}

function isSameIdentity(a: Session, b: Session): boolean {
  return a.user.id === b.user.id && a.organization.id === b.organization.id;
}
