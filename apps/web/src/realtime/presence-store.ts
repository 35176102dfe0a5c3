import type { Viewer } from "./live-events";

/** Who is looking at each joined project, as the server last said. */
export interface PresenceStore {
  viewersOf: (projectId: string) => readonly Viewer[];
  /** Replaces a project's viewers with the server's fresh list. */
  set: (projectId: string, viewers: readonly Viewer[]) => void;
  /** Forgets a project's viewers (left), or every project's (offline). */
  forget: (projectId?: string) => void;
  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe: (listener: () => void) => () => void;
}

/** One empty list, so readers see no change while nobody is there. */
const nobody: readonly Viewer[] = [];

/** An empty store of presence, for one live connection. */
export function createPresenceStore(): PresenceStore {
  const viewers = new Map<string, readonly Viewer[]>();
  const listeners = new Set<() => void>();

  function notify() {
    for (const listener of listeners) {
      listener();
    }
  }

  return {
    viewersOf: (projectId) => viewers.get(projectId) ?? nobody,
    set(projectId, list) {
      viewers.set(projectId, list);
      notify();
    },
    forget(projectId) {
      if (projectId === undefined) {
        viewers.clear();
      } else {
        viewers.delete(projectId);
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
