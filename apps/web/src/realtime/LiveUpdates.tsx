import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

import { useCurrentSession } from "../auth/session-context";
import { applyLiveEvent, refetchMissed } from "./live-cache";
import { openLiveConnection, type LiveConnection } from "./live-connection";
import { LiveContext } from "./live-context";

/** Props of `LiveUpdates`. */
export interface LiveUpdatesProps {
  children: ReactNode;
}

/**
 * Keeps one live connection to the signed-in organization while the pages
 * below are shown, feeding its events into the query cache. Another person
 * or organization gets a new connection; signing out closes it.
 */
export function LiveUpdates({ children }: LiveUpdatesProps) {
  const { organization, user } = useCurrentSession();
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<LiveConnection | null>(null);

  useEffect(() => {
    const opened = openLiveConnection({
      organizationId: organization.id,
      onEvent: (event) => {
        applyLiveEvent(queryClient, event, user.id);
      },
      onMissedEvents: (projectId, since) => {
        refetchMissed(queryClient, projectId, since);
      },
    });
    setConnection(opened);
    return () => {
      opened.close();
    };
  }, [queryClient, organization.id, user.id]);

  return <LiveContext value={connection}>{children}</LiveContext>;
}
