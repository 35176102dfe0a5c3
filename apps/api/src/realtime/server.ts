import type { IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { Server, type Namespace, type Socket } from "socket.io";
import { currentRole } from "../auth/sessions.js";
import type { TokenService } from "../auth/tokens.js";
import type { Config } from "../config.js";
import type { Identity } from "../context.js";
import type { Database } from "../db/database.js";
import { AppError } from "../http/errors.js";
import type { Logger } from "../logger.js";
import {
  organizationNamespace,
  projectRoom,
  type EventEnvelope,
  type RealtimeEvent,
} from "./events.js";
import type { EventSink } from "./publisher.js";
import {
  confirmIdentity,
  registerRoomHandlers,
  revalidate,
  type SocketData,
} from "./rooms.js";

export interface RealtimeDeps {
  config: Config;
  logger: Logger;
  db: Database;
  tokens: TokenService;
  redis: Redis | undefined;
}

/** The Socket.io server: attach it to the HTTP server, close it on exit. */
export interface Realtime {
  io: Server;
  sink: EventSink;
  close(): Promise<void>;
}

const organizationNamespaces = /^\/orgs\/[0-9a-f-]{36}$/;

/** Sent between instances to drop sockets they hold. */
const disconnectCommand = "ares:disconnect";

/**
 * Which sockets to drop: a person's (in one organization, or in all), one
 * session's, or every socket of an organization.
 */
type DisconnectOrder =
  | { kind: "user"; userId: string; organizationId?: string | undefined }
  | { kind: "session"; sessionId: string }
  | { kind: "organization"; organizationId: string };

/**
 * What `io.of(regex)` returns: a parent namespace that makes children with
 * its middleware and handlers. Socket.io does not export the class.
 */
interface ParentOfChildren {
  createChild(name: string): Namespace;
}

/** Largest message a client may send, in bytes. */
const maxMessageBytes = 16 * 1024;

/** Browsers may connect only from these origins; other clients send none. */
function originAllowed(config: Config) {
  const allowed = new Set([
    new URL(config.appUrl).origin,
    ...config.realtimeOrigins,
  ]);
  return (
    req: IncomingMessage,
    callback: (error: string | null, ok: boolean) => void,
  ) => {
    const origin = req.headers.origin;
    callback(null, origin === undefined || allowed.has(origin));
  };
}

/** An error the client sees as `connect_error`, with a stable code. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Checks the handshake like an HTTP request: a verified access token, an
 * open session, a current membership, and the namespace of the token's
 * own organization. It runs again when a session is restored.
 */
function authenticateSocket(deps: RealtimeDeps) {
  return async function authenticate(
    socket: Socket,
    next: (error?: Error) => void,
  ) {
    const auth = socket.handshake.auth as { token?: unknown };
    if (typeof auth.token !== "string") {
      next(refusal("unauthenticated", "Send an access token in auth.token"));
      return;
    }
    try {
      const claimed = await deps.tokens.verify(auth.token);
      const role = await currentRole(deps.db, claimed);
      if (socket.nsp.name !== organizationNamespace(claimed.tenantId)) {
        next(refusal("forbidden", "This token is for another organization"));
        return;
      }
      const identity: Identity = { ...claimed, role };
      const data: SocketData = { identity, focus: {} };
      socket.data = data;
      next();
    } catch (error) {
      next(handshakeRefusal(error));
    }
  };
}

/**
 * The refusal for a handshake whose checks threw. A suspended organization
 * is `forbidden`, like another organization's namespace: the person is who
 * they say, but may not enter. Anything else is `unauthenticated`.
 */
function handshakeRefusal(error: unknown): Error {
  if (error instanceof AppError && error.code === "organization_suspended") {
    return refusal("forbidden", error.message);
  }
  return refusal("unauthenticated", "The access token or session is not valid");
}

const eventBurst = 30;

/**
 * Refuses a socket's events beyond a burst of 30 in two seconds, answering
 * any acknowledgement with `rate_limited`; a socket that keeps sending at
 * twice that rate is disconnected.
 */
function limitEvents(socket: Socket, limiter: RateLimiterMemory): void {
  socket.use((packet, next) => {
    limiter.consume(socket.id).then(
      () => {
        next();
      },
      (rejection: unknown) => {
        const ack: unknown = packet.at(-1);
        if (typeof ack === "function") {
          (ack as (answer: unknown) => void)({
            ok: false,
            error: {
              code: "rate_limited",
              message: "Too many messages; slow down",
            },
          });
        }
        const consumed =
          rejection instanceof RateLimiterRes
            ? rejection.consumedPoints
            : Infinity;
        if (consumed > eventBurst * 2) {
          socket.disconnect(true);
        }
      },
    );
  });
}

/** Whether a disconnection order covers a socket of `identity`. */
function isOrdered(order: DisconnectOrder, identity: Identity): boolean {
  switch (order.kind) {
    case "user":
      return identity.userId === order.userId;
    case "session":
      return identity.sessionId === order.sessionId;
    case "organization":
      return identity.tenantId === order.organizationId;
  }
}

export function createRealtime(deps: RealtimeDeps): Realtime {
  const io = new Server({
    serveClient: false,
    maxHttpBufferSize: maxMessageBytes,
    allowRequest: originAllowed(deps.config),
    // Short disconnections resume with the missed packets; the handshake
    // middleware still runs again, so a revoked session cannot resume.
    connectionStateRecovery: {
      maxDisconnectionDuration: 2 * 60_000,
      skipMiddlewares: false,
    },
  });
  const adapterClient = deps.redis?.duplicate();
  if (adapterClient) {
    io.adapter(createAdapter(adapterClient));
  }

  const limiter = new RateLimiterMemory({ points: eventBurst, duration: 2 });
  const organizations = io.of(organizationNamespaces);
  const authenticate = authenticateSocket(deps);
  organizations.use((socket, next) => {
    void authenticate(socket, next);
  });
  organizations.on("connection", (socket: Socket) => {
    limitEvents(socket, limiter);
    registerRoomHandlers(socket, deps);
    // A session revoked, a member removed or an organization suspended
    // after the handshake's check but before the socket was listed in its
    // namespace sent a disconnection order that could not find it. Listed
    // now, it is checked once more: a change committed after this reading
    // finds the socket, and one committed before it is seen by it.
    void confirmIdentity(socket, deps);
  });

  // Known organization namespaces, so events are emitted on the real child
  // namespace (with its middleware) and never on a bare one.
  const namespaces = new Map<string, Namespace>();
  io.on("new_namespace", (namespace: Namespace) => {
    namespaces.set(namespace.name, namespace);
  });
  function namespaceOf(organizationId: string): Namespace {
    const name = organizationNamespace(organizationId);
    const known = namespaces.get(name);
    if (known) {
      return known;
    }
    const child = (organizations as unknown as ParentOfChildren).createChild(
      name,
    );
    namespaces.set(name, child);
    return child;
  }

  const revalidation = setInterval(() => {
    for (const namespace of namespaces.values()) {
      void revalidate(namespace, deps);
    }
  }, 60_000);
  revalidation.unref();

  const sink: EventSink = {
    emit(event: RealtimeEvent) {
      const envelope: EventEnvelope = {
        data: event.data,
        version: event.version,
        actor: event.actorId ? { id: event.actorId } : null,
        at: new Date().toISOString(),
      };
      const namespace = namespaceOf(event.organizationId);
      const target =
        event.audience.kind === "project"
          ? namespace.to(projectRoom(event.audience.projectId))
          : namespace;
      target.emit(event.name, envelope);
    },
    disconnectUser(userId, organizationId) {
      disconnectEverywhere({ kind: "user", userId, organizationId });
    },
    disconnectSession(sessionId) {
      disconnectEverywhere({ kind: "session", sessionId });
    },
    disconnectOrganization(organizationId) {
      disconnectEverywhere({ kind: "organization", organizationId });
    },
  };

  function disconnectEverywhere(order: DisconnectOrder): void {
    disconnectLocal(order);
    // Without an adapter there are no other instances to tell, and the
    // in-process adapter would only log that it cannot.
    if (adapterClient) {
      io.serverSideEmit(disconnectCommand, order);
    }
  }

  // Other instances pass on disconnections of sockets they do not hold.
  io.on(disconnectCommand, (order: DisconnectOrder) => {
    disconnectLocal(order);
  });

  function disconnectLocal(order: DisconnectOrder): void {
    const only =
      order.kind === "session" || order.organizationId === undefined
        ? undefined
        : organizationNamespace(order.organizationId);
    for (const namespace of namespaces.values()) {
      if (only !== undefined && namespace.name !== only) {
        continue;
      }
      for (const socket of namespace.sockets.values()) {
        if (isOrdered(order, (socket.data as SocketData).identity)) {
          socket.disconnect(true);
        }
      }
    }
  }

  return {
    io,
    sink,
    async close() {
      clearInterval(revalidation);
      await io.close();
      adapterClient?.disconnect();
    },
  };
}
