import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServerDatabase,
  openTestDatabase,
  testBackend,
} from "../../test/database.js";
import {
  as,
  buildProject,
  buildTask,
  type Person,
} from "../../test/factories.js";
import { registerOrganization } from "../../test/harness.js";
import {
  connected,
  nextEvent,
  recordEvents,
  request,
  settle,
  startRealtimeServer,
} from "../../test/realtime.js";
import { io as connect, type Socket } from "socket.io-client";
import { suspendOrganization } from "../organizations/suspension.js";

interface Instance {
  url: string;
  process: ChildProcess;
}

/** Starts one API process and resolves with its address once it listens. */
function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "apps/api/src/main.ts"],
    {
      cwd: new URL("../../../../", import.meta.url).pathname,
      env: {
        ...process.env,
        ...env,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === "listening" && entry.url) {
        resolve({ url: entry.url, process: child });
      }
    });
    child.once("exit", (code) => {
      reject(new Error(`API process exited with ${String(code)}`));
    });
  });
}

describe.runIf(testBackend() === "postgres" && process.env.REDIS_URL)(
  "two API processes sharing PostgreSQL and Redis",
  () => {
    let first: Instance;
    let second: Instance;
    let databaseUrl: string;
    const sockets: Socket[] = [];

    const socketAt = async (instance: Instance, person: Person) => {
      const socket = connect(`${instance.url}/orgs/${person.organization.id}`, {
        auth: { token: person.accessToken },
        transports: ["websocket"],
        reconnection: false,
        // Its own connection, as another person's browser would have: a
        // server closing one socket's connection closes all it carries.
        forceNew: true,
      });
      sockets.push(socket);
      await connected(socket);
      return socket;
    };

    beforeAll(async () => {
      databaseUrl = await createServerDatabase();
      const env = {
        DATABASE_URL: databaseUrl,
        REDIS_URL: process.env.REDIS_URL ?? "",
        AUTH_SECRET: "scale-out-test-secret-that-is-long-enough",
        RATE_LIMIT_PER_MINUTE: "100000",
      };
      first = await startInstance(env);
      second = await startInstance(env);
    }, 60_000);

    afterAll(() => {
      for (const socket of sockets) {
        socket.disconnect();
      }
      first.process.kill("SIGTERM");
      second.process.kill("SIGTERM");
    });

    it("delivers a change made through one process to a client of the other, and to no other organization", async () => {
      const viaFirst = supertest(first.url);
      const owner = await registerOrganization(viaFirst);
      const project = await buildProject(viaFirst, owner);
      const task = await buildTask(viaFirst, owner, { projectId: project.id });
      const other = await registerOrganization(viaFirst);
      const otherProject = await buildProject(viaFirst, other);

      const watcher = await socketAt(second, owner);
      await request(watcher, "project:join", { projectId: project.id });
      const strangers = [
        await socketAt(first, other),
        await socketAt(second, other),
      ];
      const strangerSeen = [];
      for (const stranger of strangers) {
        await request(stranger, "project:join", { projectId: otherProject.id });
        strangerSeen.push(recordEvents(stranger));
      }
      await settle();

      const updated = nextEvent<{ data: { title: string }; version: number }>(
        watcher,
        "task.updated",
      );
      await as(viaFirst, owner).patch(`/api/tasks/${task.id}`, {
        baseVersion: 1,
        title: "Across processes",
      });
      expect(await updated).toMatchObject({
        data: { title: "Across processes" },
        version: 2,
      });

      await settle(500);
      for (const seen of strangerSeen) {
        expect(
          seen.filter((event) => event.name !== "presence.changed"),
        ).toEqual([]);
      }
    });

    it("disconnects a removed member on the other process", async () => {
      const viaFirst = supertest(first.url);
      const owner = await registerOrganization(viaFirst);
      const invite = await as(viaFirst, owner).post("/api/invites", {
        email: `scale-${Date.now()}@example.test`,
        role: "member",
      });
      expect(invite.status).toBe(201);
      const outbox = await as(viaFirst, owner).get("/api/dev/outbox");
      const text = (outbox.body as { messages: { text: string }[] })
        .messages[0]!.text;
      const token = /accept-invite\?token=([\w-]+)/.exec(text)![1];
      const accepted = await viaFirst
        .post("/api/invites/accept")
        .send({ token, name: "Remote", password: "a sturdy passphrase" });
      const member = {
        ...accepted.body,
        password: "a sturdy passphrase",
      } as Person;

      const socket = await socketAt(second, member);
      const gone = nextEvent(socket, "disconnect");
      await as(viaFirst, owner).delete(`/api/members/${member.user.id}`);
      expect(await gone).toBe("io server disconnect");
    });

    it("disconnects a suspended organization's sockets on every process, and no other organization's", async () => {
      const viaFirst = supertest(first.url);
      const owner = await registerOrganization(viaFirst);
      const other = await registerOrganization(viaFirst);
      const closed = [
        await socketAt(first, owner),
        await socketAt(second, owner),
      ];
      const bystanders = [
        await socketAt(first, other),
        await socketAt(second, other),
      ];
      const gone = closed.map((socket) => nextEvent(socket, "disconnect"));

      // No route suspends yet: a third instance in this process does, as
      // the platform console will, and tells the other two through Redis.
      const db = await openTestDatabase({ url: databaseUrl });
      const operator = await startRealtimeServer({ db });
      try {
        await suspendOrganization(operator.services, owner.organization.id, {
          reason: "Terms of service",
        });
        expect(await Promise.all(gone)).toEqual([
          "io server disconnect",
          "io server disconnect",
        ]);
      } finally {
        await operator.close();
        await db.close();
      }

      const again = connect(`${second.url}/orgs/${owner.organization.id}`, {
        auth: { token: owner.accessToken },
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(again);
      await expect(connected(again)).rejects.toMatchObject({
        data: { code: "forbidden" },
      });
      await settle();
      expect(bystanders.map((socket) => socket.connected)).toEqual([
        true,
        true,
      ]);
    });
  },
);
