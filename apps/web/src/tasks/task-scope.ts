import type { QueryClient } from "@tanstack/react-query";

import { ownVersionsOf, rebaseVersion } from "./base-version";
import { cachedTask } from "./task-cache";

/**
 * The queue a project's task changes wait in. Each is shown at once, but
 * they reach the server one at a time and in order, so each is sent from
 * the version the one before produced.
 */
export function taskScope(projectId: string): { id: string } {
  return { id: `tasks:${projectId}` };
}

/** The `baseVersion` to send for a change the user began at `startedFrom`. */
export function baseVersionFor(
  queryClient: QueryClient,
  projectId: string,
  taskId: string,
  startedFrom: number,
): number {
  const latest =
    cachedTask(queryClient, projectId, taskId)?.version ?? startedFrom;
  return rebaseVersion(startedFrom, latest, ownVersionsOf(taskId));
}
