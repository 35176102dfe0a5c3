import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  io as connect,
  type ManagerOptions,
  type Socket,
} from "socket.io-client";
import supertest from "supertest";
import { createApp } from "../src/app.js";
import { createPublisher } from "../src/realtime/publisher.js";
import { createRealtime } from "../src/realtime/server.js";
import {
  buildTestServices,
  testRedis,
  type TestAppOptions,
} from "./harness.js";

/** A real HTTP and Socket.io server on a free port, on the worker's database. */
export async function startRealtimeServer(options: TestAppOptions = {}) {
  // On a server run, sockets go through the Redis Streams adapter too.
  const redis = options.redis ?? testRedis();
  const base = await buildTestServices({ ...options, redis });
  const realtime = createRealtime(base);
  const services = { ...base, events: createPublisher(realtime.sink) };
  const server = http.createServer(createApp(services));
  realtime.io.attach(server);
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];

  return {
    url,
    http: supertest(url),
    /** The services behind the server, for operations no route offers. */
    services,
    /** The Socket.io server, to step into a handshake. */
    io: realtime.io,
    /** Opens a socket to an organization's namespace; closed with the server. */
    socket(
      organizationId: string,
      auth: Record<string, unknown>,
      origin?: string,
      options: Partial<ManagerOptions> = {},
    ) {
      const socket = connect(`${url}/orgs/${organizationId}`, {
        auth,
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        ...(origin && { extraHeaders: { Origin: origin } }),
        ...options,
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) {
        socket.disconnect();
      }
      await realtime.close();
      server.closeAllConnections();
      redis?.disconnect();
    },
  };
}

/** Resolves when the socket connects; rejects with the server's refusal. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => {
      resolve();
    });
    socket.once("connect_error", (error: Error & { data?: unknown }) => {
      reject(error);
    });
  });
}

/** Resolves with the next `event` the socket receives. */
export function nextEvent<T = unknown>(
  socket: Socket,
  event: string,
): Promise<T> {
  return new Promise((resolve) => {
    socket.once(event, (payload: T) => {
      resolve(payload);
    });
  });
}

/** Resolves with the first `event` the socket receives that `matches`. */
export function eventWhere<T = unknown>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (matches(payload)) {
        socket.off(event, listener);
        resolve(payload);
      }
    };
    socket.on(event, listener);
  });
}

/** Records every event a socket receives, to show that some never came. */
export function recordEvents(
  socket: Socket,
): { name: string; payload: unknown }[] {
  const seen: { name: string; payload: unknown }[] = [];
  socket.onAny((name: string, payload: unknown) => {
    seen.push({ name, payload });
  });
  return seen;
}

/** Emits with an acknowledgement and resolves with the server's answer. */
export function request<T = unknown>(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** Waits a moment, for events that should not arrive. */
export const settle = (ms = 300) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
