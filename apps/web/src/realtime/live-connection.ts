import {
  liveEventNames,
  readLiveEvent,
  type LiveEvent,
  type LiveEventName,
  type Viewer,
} from "./live-events";
import { openOrganizationSocket } from "./organization-socket";
import { createPresenceStore } from "./presence-store";
import { roomMessages } from "./room-plan";

/** True for the server's `{ ok: true }` answer to a join. */
function isAccepted(answer: unknown): boolean {
  return (
    typeof answer === "object" &&
    answer !== null &&
    "ok" in answer &&
    answer.ok === true
  );
}

/** Codes of refused joins that may succeed if asked again later. */
const passingRefusals = new Set([
  "rate_limited",
  "internal",
  "service_unavailable",
]);

/**
 * True when a join was not answered in time, or refused for a reason that
 * passes (too many messages, a failure on the server's side). A project
 * the person cannot see is not retried on a timer.
 */
export function isPassingRefusal(answer: unknown): boolean {
  if (answer === null) {
    return true;
  }
  const code = refusalCodeOf(answer);
  return code !== undefined && passingRefusals.has(code);
}

/** The `error.code` of a refused join's answer, if it has one. */
function refusalCodeOf(answer: unknown): string | undefined {
  if (typeof answer !== "object" || answer === null || !("error" in answer)) {
    return undefined;
  }
  const { error } = answer;
  return typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string"
    ? error.code
    : undefined;
}

const longestJoinRetryMs = 30_000;

/** The pause before asking again after `failures` failed joins in a row. */
export function joinRetryDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** (failures - 1), longestJoinRetryMs);
}

/** What a connection tells the app. */
export interface LiveConnectionOptions {
  organizationId: string;
  /** Each checked event but presence, which the connection keeps. */
  onEvent: (event: LiveEvent) => void;
  /**
   * Events may have been missed before `since`: for a project (joined
   * without the server replaying what it sent meanwhile, or refused as not
   * found: deleted, or out of the person's reach now), or for the whole
   * organization (`projectId` null, after a connection that started anew).
   */
  onMissedEvents: (projectId: string | null, since: number) => void;
  /** Opens the organization's socket; tests pass their own. */
  openSocket?: typeof openOrganizationSocket;
}

/** The live connection to one organization. */
export interface LiveConnection {
  /** Follows a project until the returned function is called. */
  join: (projectId: string) => () => void;
  /** Tells the project's room this task is open, until released. */
  openTask: (projectId: string, taskId: string) => () => void;
  viewersOf: (projectId: string) => readonly Viewer[];
  subscribeToViewers: (listener: () => void) => () => void;
  close: () => void;
}

/** How long a join may wait for its answer before it counts as failed. */
const joinTimeoutMs = 10_000;

/**
 * Follows an organization live: joins the rooms of the projects shown,
 * says which task is open, hands events over and keeps who is here. Every
 * (re)connection joins the rooms again.
 */
export function openLiveConnection(
  options: LiveConnectionOptions,
): LiveConnection {
  const projects = new Map<string, number>();
  const openTasks = new Map<string, string>();
  const joined = new Set<string>();
  const joining = new Set<string>();
  const focus = new Map<string, string | null>();
  /** Rooms the server kept across a recovered reconnection. */
  let kept = new Set<string>();
  const presence = createPresenceStore();
  let connections = 0;
  let flushQueued = false;
  let closed = false;
  /** Failed joins in a row, and the timer of the next try, by project. */
  const joinRetries = new Map<
    string,
    { failures: number; timer?: ReturnType<typeof setTimeout> }
  >();
  const openSocket = options.openSocket ?? openOrganizationSocket;
  const { socket, close } = openSocket(options.organizationId);

  function handleConnect() {
    connections += 1;
    const restored = socket.recovered ? new Set(joined) : new Set<string>();
    joined.clear();
    joining.clear();
    focus.clear();
    forgetJoinRetries();
    for (const projectId of restored) {
      if (!projects.has(projectId)) {
        socket.emit("project:leave", { projectId });
      }
    }
    kept = restored;
    if (!socket.recovered) {
      options.onMissedEvents(null, Date.now());
    }
    // Joining again, even a kept room, announces this tab's presence anew
    // and tells the server which task is open.
    flush();
  }

  function handleEvent(name: LiveEventName, payload: unknown) {
    const event = readLiveEvent(name, payload);
    if (event === null) {
      return;
    }
    if (event.type !== "presenceChanged") {
      options.onEvent(event);
      return;
    }
    if (joined.has(event.projectId) || joining.has(event.projectId)) {
      presence.set(event.projectId, event.viewers);
    }
  }

  /** Sends what changed, once per burst of changes (a render's effects). */
  function queueFlush() {
    if (!flushQueued) {
      flushQueued = true;
      queueMicrotask(flush);
    }
  }

  function flush() {
    flushQueued = false;
    if (closed || !socket.connected) {
      return;
    }
    const messages = roomMessages(
      { projects: new Set(projects.keys()), openTasks },
      { joined, joining, focus },
    );
    for (const projectId of messages.join) {
      void joinRoom(projectId);
    }
    for (const projectId of messages.leave) {
      leaveRoom(projectId);
    }
    for (const sent of messages.focus) {
      socket.emit("task:focus", sent);
      focus.set(sent.projectId, sent.taskId);
    }
  }

  async function joinRoom(projectId: string) {
    const connection = connections;
    const sentAt = Date.now();
    joining.add(projectId);
    const answer: unknown = await socket
      .timeout(joinTimeoutMs)
      .emitWithAck("project:join", { projectId })
      .catch(() => null);
    if (closed || connection !== connections) {
      return;
    }
    joining.delete(projectId);
    // Refused or unanswered: tried again on the next change or connection,
    // and after a pause when the reason may pass.
    if (!isAccepted(answer)) {
      if (isPassingRefusal(answer)) {
        retryJoinLater(projectId);
      } else if (refusalCodeOf(answer) === "not_found") {
        // What is shown of it may be gone: asked again, the page learns.
        options.onMissedEvents(projectId, Date.now());
      }
      return;
    }
    forgetJoinRetry(projectId);
    joined.add(projectId);
    focus.set(projectId, null);
    if (!kept.has(projectId)) {
      options.onMissedEvents(projectId, sentAt);
    }
    flush();
  }

  function retryJoinLater(projectId: string) {
    const retry = joinRetries.get(projectId) ?? { failures: 0 };
    clearTimeout(retry.timer);
    retry.failures += 1;
    retry.timer = setTimeout(() => {
      retry.timer = undefined;
      if (projects.has(projectId)) {
        flush();
      } else {
        joinRetries.delete(projectId);
      }
    }, joinRetryDelayMs(retry.failures));
    joinRetries.set(projectId, retry);
  }

  function forgetJoinRetry(projectId: string) {
    clearTimeout(joinRetries.get(projectId)?.timer);
    joinRetries.delete(projectId);
  }

  function forgetJoinRetries() {
    for (const projectId of [...joinRetries.keys()]) {
      forgetJoinRetry(projectId);
    }
  }

  function leaveRoom(projectId: string) {
    joined.delete(projectId);
    focus.delete(projectId);
    kept.delete(projectId);
    presence.forget(projectId);
    socket.emit("project:leave", { projectId });
  }

  socket.on("connect", handleConnect);
  socket.on("disconnect", () => {
    // Who is here is unknown until the rooms are joined again.
    presence.forget();
  });
  for (const name of Object.values(liveEventNames)) {
    socket.on(name, (payload: unknown) => {
      handleEvent(name, payload);
    });
  }

  return {
    join(projectId) {
      projects.set(projectId, (projects.get(projectId) ?? 0) + 1);
      queueFlush();
      let released = false;
      return () => {
        if (released) {
          return;
        }
        released = true;
        const left = (projects.get(projectId) ?? 1) - 1;
        if (left > 0) {
          projects.set(projectId, left);
        } else {
          projects.delete(projectId);
        }
        queueFlush();
      };
    },
    openTask(projectId, taskId) {
      openTasks.set(projectId, taskId);
      queueFlush();
      return () => {
        if (openTasks.get(projectId) === taskId) {
          openTasks.delete(projectId);
          queueFlush();
        }
      };
    },
    viewersOf: presence.viewersOf,
    subscribeToViewers: presence.subscribe,
    close() {
      closed = true;
      forgetJoinRetries();
      close();
    },
  };
}
