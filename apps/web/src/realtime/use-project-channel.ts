import { useContext, useEffect, useSyncExternalStore } from "react";

import type { Viewer } from "./live-events";
import { LiveContext } from "./live-context";

const nobody: readonly Viewer[] = [];
const ignore = () => () => undefined;

/**
 * Follows a project live while the calling page or panel is shown: its
 * changes arrive in the cache, and the project's room knows this person is
 * here (and which task they have open, when `openTaskId` is given).
 * Returns who is looking at the project now, this person included.
 */
export function useProjectChannel(
  projectId: string,
  openTaskId?: string,
): readonly Viewer[] {
  const connection = useContext(LiveContext);

  useEffect(() => connection?.join(projectId), [connection, projectId]);

  useEffect(() => {
    if (connection === null || openTaskId === undefined) {
      return undefined;
    }
    return connection.openTask(projectId, openTaskId);
  }, [connection, projectId, openTaskId]);

  return useSyncExternalStore(
    connection?.subscribeToViewers ?? ignore,
    () => connection?.viewersOf(projectId) ?? nobody,
  );
}
