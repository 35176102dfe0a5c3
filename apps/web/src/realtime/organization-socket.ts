import { io, type Socket } from "socket.io-client";

import { currentToken } from "../api/client";
import { renewAccessToken } from "../auth/auth-session";
import { readAuthStatus } from "../auth/token-store";
import type { LiveEventName } from "./live-events";

/** What the client sends (README, "Live collaboration"). */
export interface ClientEvents {
  "project:join": (
    room: { projectId: string },
    ack: (answer: unknown) => void,
  ) => void;
  "project:leave": (room: { projectId: string }) => void;
  "task:focus": (focus: { projectId: string; taskId: string | null }) => void;
}

/** What the server sends: every event with its envelope, checked later. */
export type ServerEvents = Record<LiveEventName, (payload: unknown) => void>;

/** The socket of an organization's namespace, as this app uses it. */
export type OrganizationSocket = Socket<ServerEvents, ClientEvents>;

/** Pause before coming back after the server ended the connection. */
const serverDisconnectPauseMs = 1_000;
const longestRetryMs = 60_000;

/**
 * How long to wait before the next handshake after `refusals` refusals in
 * a row: at once after the first (a renewed token usually fixes it), then
 * doubling up to a minute, so a refusal that renewing cannot fix does not
 * turn into a loop.
 */
export function retryDelayMs(refusals: number): number {
  return refusals <= 1
    ? 0
    : Math.min(1000 * 2 ** (refusals - 1), longestRetryMs);
}

/**
 * Opens the socket of one organization and keeps it open. It is WebSocket
 * only, so several API instances need no sticky sessions. Every handshake
 * sends the current access token. The client retries network failures by
 * itself, but not a refused handshake nor a disconnection by the server:
 * those are retried here. Call the returned `close` to end it.
 */
export function openOrganizationSocket(organizationId: string): {
  socket: OrganizationSocket;
  close: () => void;
} {
  let sentToken: string | null = null;
  let refusals = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const socket: OrganizationSocket = io(`/orgs/${organizationId}`, {
    forceNew: true,
    transports: ["websocket"],
    auth: (send) => {
      void currentToken().then((token) => {
        sentToken = token;
        send({ token });
      });
    },
  });

  function handleConnectError(error: Error) {
    // Still active: a network failure, which the client retries itself.
    // "forbidden": the token is another organization's (or this one is
    // suspended); a session change opens a connection of its own.
    if (socket.active || refusalCode(error) !== "unauthenticated") {
      return;
    }
    refusals += 1;
    void renewAccessToken(sentToken ?? "").then(() => {
      // Signed out when the session is over: the app leaves these pages.
      if (readAuthStatus() === "signedIn") {
        retryLater(retryDelayMs(refusals));
      }
    });
  }

  function handleDisconnect(reason: Socket.DisconnectReason) {
    if (reason === "io server disconnect") {
      // Signed out elsewhere, a role changed: come back, to be checked
      // again with the current token.
      retryLater(serverDisconnectPauseMs);
    }
  }

  function retryLater(delayMs: number) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!closed) {
        socket.connect();
      }
    }, delayMs);
  }

  socket.on("connect", () => {
    refusals = 0;
  });
  socket.on("connect_error", handleConnectError);
  socket.on("disconnect", handleDisconnect);

  return {
    socket,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.disconnect();
    },
  };
}

/** The code a refused handshake carries in `data.code`, if any. */
function refusalCode(error: Error): string | undefined {
  const data: unknown = (error as { data?: unknown }).data;
  if (typeof data === "object" && data !== null && "code" in data) {
    return typeof data.code === "string" ? data.code : undefined;
  }
  return undefined;
}
