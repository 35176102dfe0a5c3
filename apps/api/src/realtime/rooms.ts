import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import { currentRole } from "../auth/sessions.js";
import { runAsIdentity, type Identity } from "../context.js";
import type { Database } from "../db/database.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import type { Logger } from "../logger.js";
import { projectAccess } from "../work/access.js";
import { eventNames, projectRoom, type EventEnvelope } from "./events.js";

/** What the server keeps on each socket; shared across instances. */
export interface SocketData {
  identity: Identity;
  /** The task each joined project's viewer has open, if any. */
  focus: Record<string, string | null>;
}

type Ack = (
  answer:
    { ok: true } | { ok: false; error: { code: string; message: string } },
) => void;

const joinSchema = z.strictObject({ projectId: z.uuid() });
const focusSchema = z.strictObject({
  projectId: z.uuid(),
  taskId: z.uuid().nullable(),
});

interface RoomDeps {
  db: Database;
  logger: Logger;
}

/** May this identity see the project? The same rule as the HTTP routes. */
async function canSeeProject(
  db: Database,
  identity: Identity,
  projectId: string,
) {
  try {
    await runAsIdentity(identity, () =>
      tenantTransaction(db, (tx) => projectAccess(tx, identity, projectId)),
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      return false;
    }
    throw error;
  }
}

/**
 * How long presence changes gather before one announcement goes out. A
 * thousand people opening a board at once then cost a few room lookups
 * (each a round trip to every instance) instead of a thousand.
 */
const presenceGatherMs = 100;

/** Projects with an announcement already on its way, per namespace. */
const pendingPresence = new WeakMap<Namespace, Set<string>>();

/**
 * Announces, shortly, who is looking at a project and which task each has
 * open. Calls made while an announcement waits join it: it reads the room
 * when it goes out, so it carries every change made until then.
 */
function announcePresence(
  namespace: Namespace,
  projectId: string,
  logger: Logger,
): void {
  let pending = pendingPresence.get(namespace);
  if (!pending) {
    pending = new Set();
    pendingPresence.set(namespace, pending);
  }
  if (pending.has(projectId)) {
    return;
  }
  pending.add(projectId);
  const timer = setTimeout(() => {
    pending.delete(projectId);
    sendPresence(namespace, projectId).catch((error: unknown) => {
      logger.warn({ err: error, projectId }, "presence update failed");
    });
  }, presenceGatherMs);
  // A pending announcement must not keep a stopping process alive.
  timer.unref();
}

async function sendPresence(
  namespace: Namespace,
  projectId: string,
): Promise<void> {
  const room = projectRoom(projectId);
  const sockets = await namespace.in(room).fetchSockets();
  const viewers = new Map<string, string | null>();
  for (const socket of sockets) {
    const data = socket.data as SocketData;
    const taskId = data.focus[projectId] ?? null;
    viewers.set(
      data.identity.userId,
      viewers.get(data.identity.userId) ?? taskId,
    );
  }
  const envelope: EventEnvelope = {
    data: {
      projectId,
      viewers: [...viewers].map(([userId, taskId]) => ({ userId, taskId })),
    },
    version: null,
    actor: null,
    at: new Date().toISOString(),
  };
  namespace.to(room).emit(eventNames.presenceChanged, envelope);
}

function withoutProject(
  focus: SocketData["focus"],
  projectId: string,
): SocketData["focus"] {
  return Object.fromEntries(
    Object.entries(focus).filter(([joined]) => joined !== projectId),
  );
}

function answerWith(ack: unknown): Ack {
  return typeof ack === "function"
    ? (ack as Ack)
    : () => {
        // The client asked for no acknowledgement.
      };
}

/** The client's room requests: join, leave, and which task is open. */
export function registerRoomHandlers(socket: Socket, deps: RoomDeps): void {
  const data = socket.data as SocketData;
  const refuse = (ack: Ack, code: string, message: string) => {
    ack({ ok: false, error: { code, message } });
  };

  socket.on("project:join", async (payload: unknown, ack: unknown) => {
    const answer = answerWith(ack);
    const parsed = joinSchema.safeParse(payload);
    if (!parsed.success) {
      refuse(
        answer,
        "validation_failed",
        "Send { projectId } with a project id",
      );
      return;
    }
    const { projectId } = parsed.data;
    try {
      if (!(await canSeeProject(deps.db, data.identity, projectId))) {
        refuse(answer, "not_found", "Project not found");
        return;
      }
      await socket.join(projectRoom(projectId));
      data.focus[projectId] = null;
      answer({ ok: true });
      announcePresence(socket.nsp, projectId, deps.logger);
    } catch (error) {
      deps.logger.error({ err: error, projectId }, "project join failed");
      refuse(answer, "internal", "Something went wrong on our side");
    }
  });

  socket.on("project:leave", async (payload: unknown, ack: unknown) => {
    const answer = answerWith(ack);
    const parsed = joinSchema.safeParse(payload);
    if (!parsed.success) {
      refuse(
        answer,
        "validation_failed",
        "Send { projectId } with a project id",
      );
      return;
    }
    const { projectId } = parsed.data;
    await socket.leave(projectRoom(projectId));
    data.focus = withoutProject(data.focus, projectId);
    answer({ ok: true });
    announcePresence(socket.nsp, projectId, deps.logger);
  });

  socket.on("task:focus", (payload: unknown, ack: unknown) => {
    const answer = answerWith(ack);
    const parsed = focusSchema.safeParse(payload);
    if (
      !parsed.success ||
      !socket.rooms.has(projectRoom(parsed.data.projectId))
    ) {
      refuse(
        answer,
        "validation_failed",
        "Join the project first, then send { projectId, taskId }",
      );
      return;
    }
    data.focus[parsed.data.projectId] = parsed.data.taskId;
    answer({ ok: true });
    announcePresence(socket.nsp, parsed.data.projectId, deps.logger);
  });

  socket.on("disconnect", () => {
    for (const projectId of Object.keys(data.focus)) {
      announcePresence(socket.nsp, projectId, deps.logger);
    }
  });
}

/**
 * Reads the socket's session and membership again and takes its current
 * role. A session that ended, a membership that is gone or a suspended
 * organization disconnects it; the answer says whether it stays.
 */
export async function confirmIdentity(
  socket: Socket,
  deps: RoomDeps,
): Promise<boolean> {
  const data = socket.data as SocketData;
  try {
    data.identity = {
      ...data.identity,
      role: await currentRole(deps.db, data.identity),
    };
    return true;
  } catch {
    socket.disconnect(true);
    return false;
  }
}

/**
 * Checks each local socket again: its session must still be open and its
 * person still a member (else it is disconnected), and it must still see
 * each project it joined (else it leaves that room).
 */
export async function revalidate(
  namespace: Namespace,
  deps: RoomDeps,
): Promise<void> {
  for (const socket of namespace.sockets.values()) {
    if (!(await confirmIdentity(socket, deps))) {
      continue;
    }
    const data = socket.data as SocketData;
    for (const projectId of Object.keys(data.focus)) {
      if (!(await canSeeProject(deps.db, data.identity, projectId))) {
        await socket.leave(projectRoom(projectId));
        data.focus = withoutProject(data.focus, projectId);
        announcePresence(namespace, projectId, deps.logger);
      }
    }
  }
}
