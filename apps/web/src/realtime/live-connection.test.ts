import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";

import { Server } from "socket.io";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  isPassingRefusal,
  joinRetryDelayMs,
  openLiveConnection,
  type LiveConnection,
} from "./live-connection";
import type { OrganizationSocket } from "./organization-socket";

describe("isPassingRefusal", () => {
  it("retries a join left unanswered or refused for a passing reason", () => {
    const refused = (code: string) => ({ ok: false, error: { code } });

    expect(isPassingRefusal(null)).toBe(true);
    expect(isPassingRefusal(refused("rate_limited"))).toBe(true);
    expect(isPassingRefusal(refused("internal"))).toBe(true);
    expect(isPassingRefusal(refused("not_found"))).toBe(false);
    expect(isPassingRefusal(refused("validation_failed"))).toBe(false);
    expect(isPassingRefusal("nonsense")).toBe(false);
  });

  it("waits a second, then doubling up to thirty", () => {
    expect([1, 2, 3, 5, 6, 20].map(joinRetryDelayMs)).toEqual([
      1000, 2000, 4000, 16_000, 30_000, 30_000,
    ]);
  });
});

/**
 * A Socket.io server standing in for the API's rooms: it answers each
 * project's joins from a script, then accepts.
 */
describe("a live connection's joins", () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const answers = new Map<string, unknown[]>();
  const joins = new Map<string, number>();
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    http = createServer();
    server = new Server(http, { transports: ["websocket"] });
    server.of(/^\/orgs\/.+$/).on("connection", (socket) => {
      socket.on(
        "project:join",
        ({ projectId }: { projectId: string }, ack: (a: unknown) => void) => {
          joins.set(projectId, (joins.get(projectId) ?? 0) + 1);
          ack(answers.get(projectId)?.shift() ?? { ok: true });
        },
      );
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const connection of connections) {
      connection.close();
    }
    await server.close();
  });

  function follow(projectId: string) {
    const followed: string[] = [];
    const connection = openLiveConnection({
      organizationId: "org",
      onEvent: () => undefined,
      onMissedEvents: (project) => {
        if (project !== null) {
          followed.push(project);
        }
      },
      openSocket: (organizationId) => {
        const socket = io(`${url}/orgs/${organizationId}`, {
          forceNew: true,
          transports: ["websocket"],
        }) as OrganizationSocket;
        return { socket, close: () => socket.disconnect() };
      },
    });
    connections.push(connection);
    connection.join(projectId);
    return followed;
  }

  it("asks again after a join refused for too many messages", async () => {
    answers.set("busy", [
      { ok: false, error: { code: "rate_limited", message: "Slow down" } },
    ]);
    const followed = follow("busy");

    await vi.waitFor(
      () => {
        expect(followed).toEqual(["busy"]);
      },
      {
        timeout: 5000,
      },
    );
    expect(joins.get("busy")).toBe(2);
  });

  it("refreshes a project out of reach, and does not keep asking to join", async () => {
    answers.set("hidden", [
      { ok: false, error: { code: "not_found", message: "Project not found" } },
    ]);
    const followed = follow("hidden");

    await vi.waitFor(() => {
      expect(followed).toEqual(["hidden"]);
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(joins.get("hidden")).toBe(1);
  });
});
