import { setTimeout as sleep } from "node:timers/promises";
import { io, type Socket } from "socket.io-client";
import {
  eventNames,
  organizationNamespace,
  type EventEnvelope,
} from "../apps/api/src/realtime/events.js";
import type { ApiInstance } from "./realtime-processes.js";
import { count, note } from "./output.js";
import { pacing, type Scenario } from "./realtime-settings.js";

/** Opening many clients takes a while: say how far it got every so often. */
const progressEvery = 250;

/** One benchmark client: a socket in one project room on one process. */
export interface Client {
  socket: Socket;
  /** Index of the API process it is connected to. */
  server: number;
  room: number;
}

/** One update and, per client, when its event arrived. */
export interface UpdateRecord {
  /** False for the warm-up updates, which the figures leave out. */
  measured: boolean;
  room: number;
  /** Index of the API process that received the HTTP request. */
  via: number;
  taskId: string;
  version: number;
  /** `performance.now()` just before the HTTP request was sent. */
  sentAt: number;
  /** `Date.now() − performance.now()` then, to turn receipts into wall time. */
  clockOffset: number;
  httpMs: number;
  /** Per client: receipt (wall clock) minus the envelope's `at`, in ms. */
  delivery: Float64Array;
  /** Per client: receipt minus `sentAt`, in ms. NaN: not received. */
  endToEnd: Float64Array;
  /** Clients in the update's room, who should all receive it. */
  expected: number;
  received: number;
}

type UpdatePlan = Pick<
  UpdateRecord,
  "measured" | "room" | "via" | "taskId" | "version" | "expected"
>;

/**
 * Everything the clients of one scenario saw: deliveries of the updates,
 * plus anything that should not happen (an event for another room, twice,
 * or a disconnection the benchmark did not ask for).
 */
export class DeliveryLog {
  readonly updates: UpdateRecord[] = [];
  strays = 0;
  duplicates = 0;
  /** Disconnections by reason, other than the benchmark's own. */
  readonly disconnects = new Map<string, number>();
  /** Presence events the clients received, and when the last one came. */
  presenceEvents = 0;
  lastPresenceAt = 0;
  private readonly byKey = new Map<string, UpdateRecord>();

  constructor(private readonly clientCount: number) {}

  /** Registers an update before its request goes out: events may beat the answer. */
  expect(plan: UpdatePlan): UpdateRecord {
    const record: UpdateRecord = {
      ...plan,
      sentAt: 0,
      clockOffset: 0,
      httpMs: 0,
      delivery: new Float64Array(this.clientCount).fill(Number.NaN),
      endToEnd: new Float64Array(this.clientCount).fill(Number.NaN),
      received: 0,
    };
    this.updates.push(record);
    this.byKey.set(`${plan.taskId}:${plan.version}`, record);
    return record;
  }

  record(
    index: number,
    client: Client,
    envelope: EventEnvelope<{ id: string }>,
  ): void {
    const now = performance.now();
    const update = this.byKey.get(`${envelope.data.id}:${envelope.version}`);
    if (!update || update.room !== client.room) {
      this.strays += 1;
      return;
    }
    if (!Number.isNaN(update.endToEnd[index])) {
      this.duplicates += 1;
      return;
    }
    update.endToEnd[index] = now - update.sentAt;
    update.delivery[index] = now + update.clockOffset - Date.parse(envelope.at);
    update.received += 1;
  }

  /** Deliveries expected so far that have not arrived. */
  outstanding(): number {
    return this.updates.reduce(
      (sum, update) => sum + update.expected - update.received,
      0,
    );
  }

  disconnected(reason: string): void {
    this.disconnects.set(reason, (this.disconnects.get(reason) ?? 0) + 1);
  }
}

type JoinAnswer =
  { ok: true } | { ok: false; error: { code: string; message: string } };

/** Where a scenario's clients connect, as whom, and to which rooms. */
export interface ClientTarget {
  servers: ApiInstance[];
  organizationId: string;
  token: string;
  /** The project of each room. */
  projectIds: string[];
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error("A client did not connect in time"));
    }, pacing.clientTimeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once("connect_error", (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * The sockets of one scenario. Every socket is kept from the moment it is
 * made, so that `closeAll` reaches it even when opening failed half-way.
 */
export class ClientPool {
  /** The open clients, by their index in the scenario. */
  readonly clients: Client[] = [];

  /**
   * Opens the scenario's clients in batches: client `i` joins room
   * `⌊i / clientsPerRoom⌋` through process `i mod 2`, so each room has
   * half its clients on each process. A batch is connected and joined
   * (join acknowledged) before the next one starts.
   */
  async open(
    scenario: Scenario,
    target: ClientTarget,
    log: DeliveryLog,
    signal: AbortSignal,
  ): Promise<void> {
    const total = scenario.rooms * scenario.clientsPerRoom;
    for (let start = 0; start < total; start += pacing.batchSize) {
      signal.throwIfAborted();
      const end = Math.min(total, start + pacing.batchSize);
      const batch: Promise<void>[] = [];
      for (let index = start; index < end; index += 1) {
        const room = Math.floor(index / scenario.clientsPerRoom);
        batch.push(this.openOne(index, room, target, log));
      }
      await Promise.all(batch);
      if (end % progressEvery === 0 && end < total) {
        note(`${count(end)} of ${count(total)} clients joined`);
      }
    }
  }

  private async openOne(
    index: number,
    room: number,
    target: ClientTarget,
    log: DeliveryLog,
  ): Promise<void> {
    const server = index % target.servers.length;
    const url = `${target.servers[server]?.url ?? ""}${organizationNamespace(target.organizationId)}`;
    const socket = io(url, {
      auth: { token: target.token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    const client: Client = { socket, server, room };
    this.clients[index] = client;
    socket.on(
      eventNames.taskUpdated,
      (envelope: EventEnvelope<{ id: string }>) => {
        log.record(index, client, envelope);
      },
    );
    socket.on(eventNames.presenceChanged, () => {
      log.presenceEvents += 1;
      log.lastPresenceAt = performance.now();
    });
    socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") {
        log.disconnected(reason);
      }
    });

    await connected(socket);
    const answer = (await socket
      .timeout(pacing.clientTimeoutMs)
      .emitWithAck("project:join", {
        projectId: target.projectIds[room],
      })) as JoinAnswer;
    if (!answer.ok) {
      throw new Error(
        `project:join was refused: ${answer.error.code} (${answer.error.message})`,
      );
    }
  }

  /** Disconnects every socket, in batches, and forgets them. */
  async closeAll(): Promise<void> {
    const sockets = this.clients.splice(0).map((client) => client.socket);
    for (
      let start = 0;
      start < sockets.length;
      start += pacing.closeBatchSize
    ) {
      for (const socket of sockets.slice(
        start,
        start + pacing.closeBatchSize,
      )) {
        socket.disconnect();
      }
      await sleep(50);
    }
  }
}
