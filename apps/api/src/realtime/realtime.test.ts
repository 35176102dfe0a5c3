import type { WorkspaceRole } from "@ares/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  addToWorkspace,
  as,
  buildProject,
  buildTask,
  buildWorkspace,
  type Person,
} from "../../test/factories.js";
import { registerOrganization } from "../../test/harness.js";
import {
  connected,
  eventWhere,
  nextEvent,
  recordEvents,
  request,
  settle,
  startRealtimeServer,
} from "../../test/realtime.js";
import {
  reinstateOrganization,
  suspendOrganization,
} from "../organizations/suspension.js";
import type { EventEnvelope } from "./events.js";

type Server = Awaited<ReturnType<typeof startRealtimeServer>>;

/**
 * The change events among those a socket saw. Presence announcements of
 * its own joins may arrive late through the Redis adapter.
 */
const changesIn = <Seen extends { name: string }>(seen: Seen[]) =>
  seen.filter((event) => event.name !== "presence.changed");

describe("realtime", () => {
  let server: Server;
  let owner: Person;
  let project: { id: string; workspaceId: string };

  const socketOf = async (
    person: Person,
    organizationId = person.organization.id,
  ) => {
    const socket = server.socket(organizationId, { token: person.accessToken });
    await connected(socket);
    return socket;
  };

  /** A new workspace of the owner's with a project, and a member in it. */
  const sharedProject = async (role: WorkspaceRole = "member") => {
    const workspace = await buildWorkspace(server.http, owner);
    const shared = await buildProject(server.http, owner, {
      workspaceId: workspace.id,
    });
    const member = await addMember(server.http, owner, { role: "member" });
    await addToWorkspace(server.http, owner, workspace.id, member, role);
    return { workspace, project: shared, member };
  };

  beforeAll(async () => {
    server = await startRealtimeServer();
    owner = await registerOrganization(server.http);
    project = await buildProject(server.http, owner);
  });

  afterAll(async () => {
    await server.close();
  });

  describe("handshake", () => {
    it("refuses a socket without a token or with a bad one", async () => {
      const anonymous = server.socket(owner.organization.id, {});
      await expect(connected(anonymous)).rejects.toMatchObject({
        data: { code: "unauthenticated" },
      });
      const forged = server.socket(owner.organization.id, { token: "a.b.c" });
      await expect(connected(forged)).rejects.toMatchObject({
        data: { code: "unauthenticated" },
      });
    });

    it("refuses the namespace of another organization", async () => {
      const other = await registerOrganization(server.http);
      const socket = server.socket(other.organization.id, {
        token: owner.accessToken,
      });
      await expect(connected(socket)).rejects.toMatchObject({
        data: { code: "forbidden" },
      });
    });

    it("refuses a signed-out session", async () => {
      const person = await registerOrganization(server.http);
      await as(server.http, person).post("/api/auth/logout");
      const socket = server.socket(person.organization.id, {
        token: person.accessToken,
      });
      await expect(connected(socket)).rejects.toMatchObject({
        data: { code: "unauthenticated" },
      });
    });

    it("refuses browsers from origins outside the allowlist", async () => {
      const socket = server.socket(
        owner.organization.id,
        { token: owner.accessToken },
        "https://evil.example",
      );
      await expect(connected(socket)).rejects.toThrow();
      const allowed = server.socket(
        owner.organization.id,
        { token: owner.accessToken },
        "http://localhost:3000",
      );
      await expect(connected(allowed)).resolves.toBeUndefined();
    });
  });

  describe("rooms", () => {
    it("lets a member join a project they can see", async () => {
      const socket = await socketOf(owner);
      const answer = await request(socket, "project:join", {
        projectId: project.id,
      });
      expect(answer).toEqual({ ok: true });
    });

    it("answers not_found for another organization's project and bad input", async () => {
      const other = await registerOrganization(server.http);
      const theirs = await buildProject(server.http, other);
      const socket = await socketOf(owner);

      expect(
        await request(socket, "project:join", { projectId: theirs.id }),
      ).toEqual({
        ok: false,
        error: { code: "not_found", message: "Project not found" },
      });
      expect(
        await request(socket, "project:join", { projectId: "nope" }),
      ).toMatchObject({
        ok: false,
        error: { code: "validation_failed" },
      });
    });

    it("refuses a project in a workspace the member was not added to", async () => {
      const member = await addMember(server.http, owner, { role: "member" });
      const socket = await socketOf(member);
      const answer = await request(socket, "project:join", {
        projectId: project.id,
      });
      expect(answer).toMatchObject({ ok: false, error: { code: "not_found" } });
    });
  });

  describe("events", () => {
    it("delivers a committed task change to the project's room, with version and actor", async () => {
      const task = await buildTask(server.http, owner, {
        projectId: project.id,
      });
      const socket = await socketOf(owner);
      await request(socket, "project:join", { projectId: project.id });

      const updated = nextEvent<EventEnvelope<{ id: string; title: string }>>(
        socket,
        "task.updated",
      );
      await as(server.http, owner).patch(`/api/tasks/${task.id}`, {
        baseVersion: 1,
        title: "Seen live",
      });
      const event = await updated;
      expect(event).toMatchObject({
        data: { id: task.id, title: "Seen live" },
        version: 2,
        actor: { id: owner.user.id },
      });
      expect(Date.parse(event.at)).not.toBeNaN();
    });

    it("announces created, moved, commented and deleted tasks", async () => {
      const socket = await socketOf(owner);
      await request(socket, "project:join", { projectId: project.id });
      const seen = recordEvents(socket);

      const task = await buildTask(server.http, owner, {
        projectId: project.id,
      });
      await as(server.http, owner).post(`/api/tasks/${task.id}/move`, {
        baseVersion: 1,
        status: "done",
      });
      await as(server.http, owner).post(`/api/tasks/${task.id}/comments`, {
        body: "Nice",
      });
      await as(server.http, owner).delete(`/api/tasks/${task.id}`);
      await settle();

      expect(changesIn(seen).map((event) => event.name)).toEqual([
        "task.created",
        "task.moved",
        "comment.created",
        "task.deleted",
      ]);
    });

    it("announces deleted comments, projects and workspaces to their rooms", async () => {
      const workspace = await buildWorkspace(server.http, owner);
      const doomed = await buildProject(server.http, owner, {
        workspaceId: workspace.id,
      });
      const sibling = await buildProject(server.http, owner, {
        workspaceId: workspace.id,
      });
      const task = await buildTask(server.http, owner, {
        projectId: doomed.id,
      });
      const comment = await as(server.http, owner).post(
        `/api/tasks/${task.id}/comments`,
        { body: "Soon gone" },
      );
      const onDoomed = await socketOf(owner);
      await request(onDoomed, "project:join", { projectId: doomed.id });
      const onSibling = await socketOf(owner);
      await request(onSibling, "project:join", { projectId: sibling.id });
      const seenOnDoomed = recordEvents(onDoomed);
      const seenOnSibling = recordEvents(onSibling);

      await as(server.http, owner).delete(`/api/comments/${comment.body.id}`);
      await as(server.http, owner).delete(`/api/projects/${doomed.id}`);
      await as(server.http, owner).delete(`/api/workspaces/${workspace.id}`);
      await settle();

      const described = (seen: ReturnType<typeof recordEvents>) =>
        changesIn(seen).map(({ name, payload }) => [
          name,
          (payload as EventEnvelope).data,
        ]);
      expect(described(seenOnDoomed)).toEqual([
        ["comment.deleted", { id: comment.body.id, taskId: task.id }],
        ["project.deleted", { id: doomed.id, workspaceId: workspace.id }],
      ]);
      expect(described(seenOnSibling)).toEqual([
        ["project.deleted", { id: sibling.id, workspaceId: workspace.id }],
        ["workspace.deleted", { id: workspace.id }],
      ]);
    });

    it("announces the tasks a crowded column renumbered to make room", async () => {
      const crowded = await buildProject(server.http, owner);
      const add = (title: string) =>
        buildTask(server.http, owner, { projectId: crowded.id, title });
      const first = await add("First");
      const second = await add("Second");
      await server.services.db.kysely
        .updateTable("tasks")
        .set({ position: first.position + 1e-7 })
        .where("id", "=", second.id)
        .execute();
      const moving = await add("Moving");
      const socket = await socketOf(owner);
      await request(socket, "project:join", { projectId: crowded.id });
      const seen = recordEvents(socket);

      await as(server.http, owner).post(`/api/tasks/${moving.id}/move`, {
        baseVersion: 1,
        status: "todo",
        afterId: first.id,
        beforeId: second.id,
      });
      await settle();

      const moves = changesIn(seen).map(({ name, payload }) => {
        const { data, version } = payload as EventEnvelope<{ id: string }>;
        return [name, data.id, version];
      });
      expect(moves).toEqual([
        ["task.moved", moving.id, 2],
        ["task.moved", second.id, 2],
      ]);
    });

    it("sends nothing for a change that was refused", async () => {
      const task = await buildTask(server.http, owner, {
        projectId: project.id,
      });
      const socket = await socketOf(owner);
      await request(socket, "project:join", { projectId: project.id });
      const first = nextEvent(socket, "task.updated");
      await as(server.http, owner).patch(`/api/tasks/${task.id}`, {
        baseVersion: 1,
        title: "First",
      });
      await first;
      const seen = recordEvents(socket);

      const conflict = await as(server.http, owner).patch(
        `/api/tasks/${task.id}`,
        {
          baseVersion: 1,
          title: "Stale",
        },
      );
      expect(conflict.status).toBe(409);
      await settle();
      expect(changesIn(seen)).toEqual([]);
    });

    it("never reaches another organization, nor sockets outside the room", async () => {
      const other = await registerOrganization(server.http);
      const theirProject = await buildProject(server.http, other);
      const stranger = await socketOf(other);
      await request(stranger, "project:join", { projectId: theirProject.id });
      const bystander = await socketOf(owner);
      const strangerSeen = recordEvents(stranger);
      const bystanderSeen = recordEvents(bystander);

      const task = await buildTask(server.http, owner, {
        projectId: project.id,
      });
      await as(server.http, owner).patch(`/api/tasks/${task.id}`, {
        baseVersion: 1,
        title: "Private",
      });
      await settle();

      expect(changesIn(strangerSeen)).toEqual([]);
      expect(changesIn(bystanderSeen)).toEqual([]);
    });
  });

  describe("catching up", () => {
    it("replays what a briefly disconnected client missed, once it is let back in", async () => {
      const task = await buildTask(server.http, owner, {
        projectId: project.id,
      });
      const socket = server.socket(
        owner.organization.id,
        { token: owner.accessToken },
        undefined,
        { reconnection: true, reconnectionDelay: 100 },
      );
      await connected(socket);
      await request(socket, "project:join", { projectId: project.id });
      await settle();

      const missed = nextEvent<EventEnvelope<{ title: string }>>(
        socket,
        "task.updated",
      );
      const back = nextEvent(socket, "connect");
      socket.io.engine.close();
      await as(server.http, owner).patch(`/api/tasks/${task.id}`, {
        baseVersion: 1,
        title: "Changed while away",
      });

      await back;
      expect(socket.recovered).toBe(true);
      expect((await missed).data.title).toBe("Changed while away");
    });
  });

  describe("authorization changes", () => {
    it("disconnects a member's sockets when they are removed", async () => {
      const member = await addMember(server.http, owner, { role: "member" });
      const socket = await socketOf(member);
      const gone = nextEvent(socket, "disconnect");

      await as(server.http, owner).delete(`/api/members/${member.user.id}`);
      expect(await gone).toBe("io server disconnect");
    });

    it("takes someone removed from a workspace out of its projects' rooms", async () => {
      const { workspace, project: guarded, member } = await sharedProject();
      const socket = await socketOf(member);
      expect(
        await request(socket, "project:join", { projectId: guarded.id }),
      ).toEqual({ ok: true });
      const gone = nextEvent(socket, "disconnect");

      await as(server.http, owner).delete(
        `/api/workspaces/${workspace.id}/members/${member.user.id}`,
      );
      expect(await gone).toBe("io server disconnect");
      const again = await socketOf(member);
      expect(
        await request(again, "project:join", { projectId: guarded.id }),
      ).toMatchObject({ ok: false, error: { code: "not_found" } });
    });

    it("disconnects someone whose role in a workspace changed, and no one else", async () => {
      const { workspace, member } = await sharedProject("admin");
      const socket = await socketOf(member);
      const bystander = await socketOf(owner);
      const gone = nextEvent(socket, "disconnect");

      const demoted = await as(server.http, owner).post(
        `/api/workspaces/${workspace.id}/members`,
        { userId: member.user.id, role: "member" },
      );
      expect(demoted.status).toBe(200);
      expect(await gone).toBe("io server disconnect");
      await settle();
      expect(bystander.connected).toBe(true);
    });

    it("disconnects the sockets of a session that signs out", async () => {
      const person = await registerOrganization(server.http);
      const socket = await socketOf(person);
      const gone = nextEvent(socket, "disconnect");

      await as(server.http, person).post("/api/auth/logout");
      expect(await gone).toBe("io server disconnect");
    });

    it("disconnects a socket whose organization was suspended mid-handshake", async () => {
      const late = await registerOrganization(server.http);
      // The first socket makes the namespace, with the server's checks.
      await socketOf(late);
      const namespace = server.io.of(`/orgs/${late.organization.id}`);
      // Suspended after the token and session were checked, before the
      // socket is listed: its disconnection order would find nothing.
      namespace.use((_socket, next) => {
        void server.services.db.kysely
          .updateTable("organizations")
          .set({ suspended_at: new Date(), suspension_reason: "Unpaid" })
          .where("id", "=", late.organization.id)
          .execute()
          .then(() => {
            next();
          });
      });

      const socket = server.socket(late.organization.id, {
        token: late.accessToken,
      });
      const gone = nextEvent(socket, "disconnect");
      await connected(socket);
      expect(await gone).toBe("io server disconnect");
    });

    it("disconnects every socket of a suspended organization at once, refuses them until it is reinstated, and leaves other organizations connected", async () => {
      const closed = await registerOrganization(server.http);
      const member = await addMember(server.http, closed, { role: "member" });
      const sockets = [await socketOf(closed), await socketOf(member)];
      const bystander = await socketOf(await registerOrganization(server.http));
      const gone = sockets.map((socket) => nextEvent(socket, "disconnect"));

      await suspendOrganization(server.services, closed.organization.id, {
        reason: "Terms of service",
      });
      expect(await Promise.all(gone)).toEqual([
        "io server disconnect",
        "io server disconnect",
      ]);
      const refused = server.socket(closed.organization.id, {
        token: member.accessToken,
      });
      await expect(connected(refused)).rejects.toMatchObject({
        message: "This organization is suspended",
        data: { code: "forbidden" },
      });
      await settle();
      expect(bystander.connected).toBe(true);

      await reinstateOrganization(server.services, closed.organization.id);
      await expect(socketOf(member)).resolves.toMatchObject({
        connected: true,
      });
    });
  });

  describe("presence", () => {
    it("shows who views a project and which task they have open", async () => {
      const { project: shared, member } = await sharedProject();
      const watcher = await socketOf(owner);
      await request(watcher, "project:join", { projectId: shared.id });
      const task = await buildTask(server.http, owner, {
        projectId: shared.id,
      });

      type Presence = EventEnvelope<{
        viewers: { userId: string; taskId: string | null }[];
      }>;
      const presenceWhere = (
        matches: (viewers: Presence["data"]["viewers"]) => boolean,
      ) =>
        eventWhere<Presence>(watcher, "presence.changed", (event) =>
          matches(event.data.viewers),
        );

      const visitor = await socketOf(member);
      const joined = presenceWhere((viewers) => viewers.length === 2);
      await request(visitor, "project:join", { projectId: shared.id });
      expect((await joined).data.viewers).toContainEqual({
        userId: member.user.id,
        taskId: null,
      });

      const focused = presenceWhere((viewers) =>
        viewers.some((viewer) => viewer.taskId === task.id),
      );
      await request(visitor, "task:focus", {
        projectId: shared.id,
        taskId: task.id,
      });
      expect((await focused).data.viewers).toContainEqual({
        userId: member.user.id,
        taskId: task.id,
      });

      const left = presenceWhere((viewers) => viewers.length === 1);
      visitor.disconnect();
      expect((await left).data.viewers).toEqual([
        { userId: owner.user.id, taskId: null },
      ]);
    });

    it("gathers a burst of joins into few announcements", async () => {
      const watcher = await socketOf(owner);
      await request(watcher, "project:join", { projectId: project.id });
      await settle();
      const seen = recordEvents(watcher);
      const others = await Promise.all(
        Array.from({ length: 10 }, () => socketOf(owner)),
      );
      await Promise.all(
        others.map((socket) =>
          request(socket, "project:join", { projectId: project.id }),
        ),
      );
      await settle();
      const announcements = seen.filter(
        (event) => event.name === "presence.changed",
      );
      expect(announcements.length).toBeGreaterThan(0);
      expect(announcements.length).toBeLessThan(10);
    });
  });

  describe("limits", () => {
    it("answers rate_limited past the burst and drops a socket that keeps flooding", async () => {
      const socket = await socketOf(owner);
      const gone = nextEvent(socket, "disconnect");
      const answers = await Promise.all(
        Array.from({ length: 31 }, () =>
          request<{ ok: boolean }>(socket, "project:join", {
            projectId: project.id,
          }),
        ),
      );
      expect(answers.at(-1)).toMatchObject({
        ok: false,
        error: { code: "rate_limited" },
      });

      for (let i = 0; i < 40; i += 1) {
        socket.emit("project:leave", { projectId: project.id });
      }
      expect(await gone).toBe("io server disconnect");
    });

    it("drops a socket that sends an oversized message", async () => {
      const socket = await socketOf(owner);
      const gone = nextEvent(socket, "disconnect");
      socket.emit("project:join", { projectId: "x".repeat(64 * 1024) });
      expect(await gone).toBe("transport close");
    });
  });
});
