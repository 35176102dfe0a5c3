import crypto from "node:crypto";
import { defaultWorkflow } from "@ares/contracts";
import type { Response } from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { sharedTestDatabase, testBackend } from "../../test/database.js";
import {
  addMember,
  addToWorkspace,
  buildProject,
  buildWorkspace,
  type Person,
} from "../../test/factories.js";
import {
  registerOrganization,
  testApp,
  type TestHttp,
} from "../../test/harness.js";
import type { Database } from "../db/database.js";

type Org = Awaited<ReturnType<typeof registerOrganization>>;

/** A workspace and a project in it, with `members` added to the workspace. */
async function buildWorkArea(
  http: TestHttp,
  owner: Person,
  members: Person[] = [],
) {
  const workspace = await buildWorkspace(http, owner);
  for (const member of members) {
    await addToWorkspace(http, owner, workspace.id, member);
  }
  return buildProject(http, owner, { workspaceId: workspace.id });
}

describe("tasks", () => {
  let http: TestHttp;
  let db: Database;
  let org: Org;
  let member: Person;
  let viewer: Person;
  let project: Awaited<ReturnType<typeof buildWorkArea>>;

  const as = (person: Pick<Person, "accessToken">) => {
    const token = person.accessToken;
    return {
      get: (url: string) =>
        http.get(url).set("Authorization", `Bearer ${token}`),
      post: (url: string) =>
        http.post(url).set("Authorization", `Bearer ${token}`),
      patch: (url: string) =>
        http.patch(url).set("Authorization", `Bearer ${token}`),
      delete: (url: string) =>
        http.delete(url).set("Authorization", `Bearer ${token}`),
    };
  };

  async function createTask(
    body: Record<string, unknown> = {},
    actor: Person | Org = org,
  ) {
    const response = await as(actor)
      .post(`/api/projects/${project.id}/tasks`)
      .send({ title: "Write the docs", ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
    org = await registerOrganization(http);
    member = await addMember(http, org, { role: "member" });
    viewer = await addMember(http, org, { role: "viewer" });
    project = await buildWorkArea(http, org, [member, viewer]);
  });

  describe("creating", () => {
    it("numbers tasks per project with a human key and starts them in to do", async () => {
      const first = await createTask();
      const second = await createTask({ title: "Ship it" });
      expect(second.number).toBe(first.number + 1);
      expect(second.key).toBe(`${project.key}-${second.number}`);
      expect(second).toMatchObject({
        status: "todo",
        priority: "none",
        version: 1,
      });
      expect(second.position).toBeGreaterThan(first.position);
    });

    it("keeps every field it is given", async () => {
      const task = await createTask({
        description: "# Plan\n- one",
        priority: "high",
        assigneeId: member.user.id,
        dueDate: "2027-01-15",
        labels: ["docs", "q1"],
        estimate: 2.5,
      });
      expect(task).toMatchObject({
        description: "# Plan\n- one",
        priority: "high",
        assignee: { id: member.user.id },
        dueDate: "2027-01-15",
        labels: ["docs", "q1"],
        estimate: 2.5,
      });
    });

    it("refuses viewers", async () => {
      const response = await as(viewer)
        .post(`/api/projects/${project.id}/tasks`)
        .send({ title: "Nope" });
      expect(response.status).toBe(403);
    });

    it("refuses an unknown status and a viewer as assignee", async () => {
      const url = `/api/projects/${project.id}/tasks`;
      const badStatus = await as(org)
        .post(url)
        .send({ title: "x", status: "limbo" });
      expect(badStatus.status).toBe(400);
      const toViewer = await as(org)
        .post(url)
        .send({ title: "x", assigneeId: viewer.user.id });
      expect(toViewer.status).toBe(400);
      expect(toViewer.body.error.details[0].path).toBe("assigneeId");
    });

    it("refuses to assign someone of another organization", async () => {
      const stranger = await registerOrganization(http);
      const response = await as(org)
        .post(`/api/projects/${project.id}/tasks`)
        .send({ title: "x", assigneeId: stranger.user.id });
      expect(response.status).toBe(400);
    });

    it("refuses someone without access to the workspace as assignee", async () => {
      const outsider = await addMember(http, org, { role: "member" });
      const response = await as(org)
        .post(`/api/projects/${project.id}/tasks`)
        .send({ title: "x", assigneeId: outsider.user.id });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].message).toMatch(
        /no access to this workspace/,
      );
    });
  });

  describe("another organization", () => {
    it("gets 404 for the project, its tasks and a task, as for unknown ids", async () => {
      const task = await createTask();
      const other = await registerOrganization(http);
      const theirs = as(other);

      const responses = await Promise.all([
        theirs.get(`/api/projects/${project.id}/tasks`),
        theirs.post(`/api/projects/${project.id}/tasks`).send({ title: "x" }),
        theirs.get(`/api/tasks/${task.id}`),
        theirs
          .patch(`/api/tasks/${task.id}`)
          .send({ baseVersion: 1, title: "mine" }),
        theirs
          .post(`/api/tasks/${task.id}/move`)
          .send({ baseVersion: 1, status: "done" }),
        theirs.delete(`/api/tasks/${task.id}`),
        theirs.get(`/api/tasks/${crypto.randomUUID()}`),
      ]);
      expect(responses.map((response) => response.status)).toEqual([
        404, 404, 404, 404, 404, 404, 404,
      ]);
      const unchanged = await as(org).get(`/api/tasks/${task.id}`);
      expect(unchanged.body.title).toBe("Write the docs");
    });

    it("cannot point a task at another organization's member, even in SQL", async () => {
      const task = await createTask();
      const stranger = await registerOrganization(http);
      const attempt = db.kysely
        .updateTable("tasks")
        .set({ assignee_id: stranger.user.id })
        .where("id", "=", task.id)
        .execute();
      await expect(attempt).rejects.toThrow(/foreign key/);
    });
  });

  describe("updating", () => {
    it("applies an edit from the current version and bumps it", async () => {
      const task = await createTask();
      const response = await as(org).patch(`/api/tasks/${task.id}`).send({
        baseVersion: 1,
        title: "Write better docs",
        priority: "urgent",
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        title: "Write better docs",
        priority: "urgent",
        version: 2,
      });
      expect(response.headers.etag).toBe('"2"');
    });

    it("accepts the version in If-Match instead of the body", async () => {
      const task = await createTask();
      const response = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .set("If-Match", '"1"')
        .send({ title: "Via header" });
      expect(response.status).toBe(200);
      const missing = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ title: "x" });
      expect(missing.status).toBe(400);
    });

    it("merges edits of different fields made from the same version", async () => {
      const task = await createTask();
      const mine = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, title: "New title" });
      const theirs = await as(member)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, labels: ["urgent"] });
      expect([mine.status, theirs.status]).toEqual([200, 200]);
      expect(theirs.body).toMatchObject({
        title: "New title",
        labels: ["urgent"],
        version: 3,
      });
    });

    it("answers 409 with base, server and client values when the same field changed", async () => {
      const task = await createTask({ title: "Original" });
      await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, title: "Theirs" });

      const response = await as(member)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, title: "Mine", priority: "low" });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("conflict");
      expect(response.body.error.conflict.fields).toEqual([
        { field: "title", base: "Original", server: "Theirs", client: "Mine" },
      ]);
      expect(response.body.error.conflict.current).toMatchObject({
        title: "Theirs",
        priority: "none",
        version: 2,
      });
    });

    it("lets only one of two concurrent edits of a field win", async () => {
      const task = await createTask({ title: "Race" });
      const [first, second] = await Promise.all([
        as(org)
          .patch(`/api/tasks/${task.id}`)
          .send({ baseVersion: 1, title: "A" }),
        as(member)
          .patch(`/api/tasks/${task.id}`)
          .send({ baseVersion: 1, title: "B" }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const final = await as(org).get(`/api/tasks/${task.id}`);
      expect(final.body.version).toBe(2);
    });

    it("lets the assignee and admins change the status, and no one else", async () => {
      const task = await createTask({ assigneeId: member.user.id });
      const other = await addMember(http, org, { role: "member" });
      await addToWorkspace(http, org, project.workspaceId, other);

      const byOther = await as(other)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, status: "in_progress" });
      expect(byOther.status).toBe(403);
      const byAssignee = await as(member)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, status: "in_progress" });
      expect(byAssignee.status).toBe(200);
      const byOwner = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 2, status: "done" });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body.completedAt).toEqual(expect.any(String));
    });

    it("records who changed which field from what to what", async () => {
      const task = await createTask({ priority: "low" });
      await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, priority: "high", status: "in_review" });

      const activity = await db.kysely
        .selectFrom("task_activity")
        .select([
          "kind",
          "field",
          "from_value",
          "to_value",
          "version",
          "actor_id",
        ])
        .where("task_id", "=", task.id)
        .orderBy("version")
        .orderBy("field")
        .execute();
      expect(activity).toEqual([
        expect.objectContaining({ kind: "created", version: 1 }),
        expect.objectContaining({
          field: "priority",
          from_value: "low",
          to_value: "high",
          version: 2,
        }),
        expect.objectContaining({
          field: "status",
          from_value: "todo",
          to_value: "in_review",
          version: 2,
        }),
      ]);
      const changes = await db.kysely
        .selectFrom("task_status_changes")
        .select(["from_status", "to_status"])
        .where("task_id", "=", task.id)
        .orderBy("changed_at")
        .execute();
      expect(changes).toEqual([
        { from_status: null, to_status: "todo" },
        { from_status: "todo", to_status: "in_review" },
      ]);
    });

    it("refuses unknown fields and bad values without changing anything", async () => {
      const task = await createTask();
      const extra = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, version: 99 });
      const badDate = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, dueDate: "tomorrow" });
      const ahead = await as(org)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 7, title: "x" });
      expect([extra.status, badDate.status, ahead.status]).toEqual([
        400, 400, 400,
      ]);
      expect((await as(org).get(`/api/tasks/${task.id}`)).body.version).toBe(1);
    });
  });

  describe("moving", () => {
    it("moves a task between two others in another column", async () => {
      const a = await createTask({ title: "A", status: "done" });
      const b = await createTask({ title: "B", status: "done" });
      const moving = await createTask({ title: "M" });

      const response = await as(org).post(`/api/tasks/${moving.id}/move`).send({
        baseVersion: 1,
        status: "done",
        afterId: a.id,
        beforeId: b.id,
      });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe("done");
      expect(response.body.position).toBeGreaterThan(a.position);
      expect(response.body.position).toBeLessThan(b.position);
    });

    it("answers 409 when someone else moved the task since", async () => {
      const task = await createTask();
      await as(org)
        .post(`/api/tasks/${task.id}/move`)
        .send({ baseVersion: 1, status: "in_review" });

      const response = await as(org)
        .post(`/api/tasks/${task.id}/move`)
        .send({ baseVersion: 1, status: "done" });
      expect(response.status).toBe(409);
      expect(response.body.error.conflict.fields[0]).toMatchObject({
        field: "status",
        base: "todo",
        server: "in_review",
      });
    });

    it("renumbers a crowded column once, in order, versioning what it moved", async () => {
      const crowded = await buildWorkArea(http, org);
      const add = async (title: string, status = "todo") => {
        const response = await as(org)
          .post(`/api/projects/${crowded.id}/tasks`)
          .send({ title, status });
        return response.body as { id: string; position: number };
      };
      const a = await add("A");
      const b = await add("B");
      // Squeeze B against A, as thirty moves into the same gap would.
      await db.kysely
        .updateTable("tasks")
        .set({ position: a.position + 1e-7 })
        .where("id", "=", b.id)
        .execute();
      await add("C");
      const moving = await add("M", "in_progress");

      const response = await as(org).post(`/api/tasks/${moving.id}/move`).send({
        baseVersion: 1,
        status: "todo",
        afterId: a.id,
        beforeId: b.id,
      });
      expect(response.status).toBe(200);

      const column = await as(org).get(
        `/api/projects/${crowded.id}/tasks?status=todo&sort=position`,
      );
      const tasks = column.body.tasks as {
        title: string;
        position: number;
        version: number;
      }[];
      expect(tasks.map((task) => [task.title, task.version])).toEqual([
        ["A", 1],
        ["M", 2],
        ["B", 2],
        ["C", 2],
      ]);
      const gaps = tasks
        .slice(1)
        .map((task, index) => task.position - (tasks[index]?.position ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(512);
    });

    it("refuses a place next to the task itself or between a task and itself", async () => {
      const task = await createTask();
      const other = await createTask();

      for (const place of [
        { afterId: task.id },
        { beforeId: task.id },
        { afterId: other.id, beforeId: other.id },
      ]) {
        const response = await as(org)
          .post(`/api/tasks/${task.id}/move`)
          .send({ baseVersion: 1, status: "todo", ...place });
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe("validation_failed");
      }
      const unchanged = await as(org).get(`/api/tasks/${task.id}`);
      expect(unchanged.body.version).toBe(1);
    });

    it.runIf(testBackend() === "postgres")(
      "refuses a move into a status that a workflow change dropped meanwhile",
      async () => {
        const racing = await buildWorkArea(http, org);
        const task = await as(org)
          .post(`/api/projects/${racing.id}/tasks`)
          .send({ title: "Caught in the middle" });
        const workflow = defaultWorkflow.filter(
          (status) => status.key !== "in_review",
        );

        let move: Promise<Response> | undefined;
        await db.kysely.transaction().execute(async (trx) => {
          await trx
            .updateTable("projects")
            .set({ workflow: JSON.stringify(workflow) })
            .where("id", "=", racing.id)
            .execute();
          // The move reads the project while the change is uncommitted.
          move = as(org)
            .post(`/api/tasks/${task.body.id}/move`)
            .send({ baseVersion: 1, status: "in_review" })
            .then((response) => response);
          await new Promise((resolve) => setTimeout(resolve, 300));
        });

        const response = await move;
        expect(response?.status).toBe(400);
        const unchanged = await as(org).get(`/api/tasks/${task.body.id}`);
        expect(unchanged.body.status).toBe("todo");
      },
    );

    it.runIf(testBackend() === "postgres")(
      "lands two moves that renumber the same column at once",
      async () => {
        const busy = await buildWorkArea(http, org);
        const add = async (title: string, position: number) => {
          const response = await as(org)
            .post(`/api/projects/${busy.id}/tasks`)
            .send({ title });
          await db.kysely
            .updateTable("tasks")
            .set({ position })
            .where("id", "=", response.body.id)
            .execute();
          return response.body.id as string;
        };
        const a = await add("A", 1);
        const b = await add("B", 2);
        const c = await add("C", 3);
        const d = await add("D", 3 + 1e-7);
        const e = await add("E", 3 + 2e-7);

        // Both moves lock their own task, then wait for the project; once
        // it is free, each renumbers a column holding the other's task.
        let moves: Promise<Response[]> | undefined;
        await db.kysely.transaction().execute(async (trx) => {
          await sql`select 1 from projects where id = ${busy.id} for update`.execute(
            trx,
          );
          const move = (id: string, afterId: string, beforeId: string) =>
            as(org)
              .post(`/api/tasks/${id}/move`)
              .send({ baseVersion: 1, status: "todo", afterId, beforeId })
              .then((response) => response);
          moves = Promise.all([move(a, c, d), move(b, d, e)]);
          await new Promise((resolve) => setTimeout(resolve, 300));
        });

        const responses = (await moves) ?? [];
        expect(responses.map((response) => response.status)).toEqual([
          200, 200,
        ]);
        const column = await as(org).get(
          `/api/projects/${busy.id}/tasks?status=todo&sort=position`,
        );
        expect(
          (column.body.tasks as { title: string }[]).map((task) => task.title),
        ).toEqual(["C", "A", "D", "B", "E"]);
      },
    );

    it("still merges a move with someone else's edit of another field", async () => {
      const task = await createTask();
      await as(member)
        .patch(`/api/tasks/${task.id}`)
        .send({ baseVersion: 1, title: "Renamed" });
      const response = await as(org)
        .post(`/api/tasks/${task.id}/move`)
        .send({ baseVersion: 1, status: "in_progress" });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        title: "Renamed",
        status: "in_progress",
        version: 3,
      });
    });
  });

  describe("listing", () => {
    let listing: Awaited<ReturnType<typeof buildWorkArea>>;

    beforeAll(async () => {
      listing = await buildWorkArea(http, org, [member]);
      const url = `/api/projects/${listing.id}/tasks`;
      const seeds = [
        {
          title: "Fix login bug",
          labels: ["bug"],
          dueDate: "2027-02-01",
          priority: "urgent",
        },
        {
          title: "Write onboarding guide",
          labels: ["docs"],
          assigneeId: member.user.id,
        },
        { title: "Refactor billing", priority: "low", dueDate: "2027-01-10" },
        {
          title: "Login page polish",
          labels: ["bug", "ui"],
          status: "in_progress",
        },
        { title: "Quarterly report", status: "done" },
      ];
      for (const seed of seeds) {
        expect((await as(org).post(url).send(seed)).status).toBe(201);
      }
    });

    const list = (query: string) =>
      as(org).get(`/api/projects/${listing.id}/tasks?${query}`);
    const titles = (response: { body: { tasks: { title: string }[] } }) =>
      response.body.tasks.map((task) => task.title);

    it("lists each task as reading it alone shows it, people included", async () => {
      const { body } = await list("limit=50");
      expect(body.tasks).toHaveLength(5);

      for (const task of body.tasks as { id: string }[]) {
        const alone = await as(org).get(`/api/tasks/${task.id}`);
        expect(task).toEqual(alone.body);
      }
      const guide = (body.tasks as { title: string }[]).find(
        (task) => task.title === "Write onboarding guide",
      );
      expect(guide).toMatchObject({
        assignee: member.user,
        createdBy: { id: expect.any(String), name: expect.any(String) },
      });
    });

    it("filters by status, assignee, label and due range", async () => {
      expect(titles(await list("status=done"))).toEqual(["Quarterly report"]);
      expect(titles(await list(`assigneeId=${member.user.id}`))).toEqual([
        "Write onboarding guide",
      ]);
      expect(titles(await list("label=bug")).sort()).toEqual([
        "Fix login bug",
        "Login page polish",
      ]);
      expect(titles(await list("dueFrom=2027-01-01&dueTo=2027-01-31"))).toEqual(
        ["Refactor billing"],
      );
    });

    it("finds tasks by words in their text, within the organization only", async () => {
      expect(titles(await list("q=login")).sort()).toEqual([
        "Fix login bug",
        "Login page polish",
      ]);
      const other = await registerOrganization(http);
      const theirs = await as(other).get(
        `/api/projects/${listing.id}/tasks?q=login`,
      );
      expect(theirs.status).toBe(404);
    });

    it("sorts by priority and by due date with missing dates last", async () => {
      expect(titles(await list("sort=priority")).slice(0, 2)).toEqual([
        "Fix login bug",
        "Refactor billing",
      ]);
      const byDue = titles(await list("sort=due"));
      expect(byDue.slice(0, 2)).toEqual(["Refactor billing", "Fix login bug"]);
    });

    it("pages with a cursor without repeating or skipping tasks", async () => {
      for (const sort of [
        "position",
        "created",
        "updated",
        "due",
        "priority",
      ]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: {
            body: { tasks: { title: string }[]; nextCursor: string | null };
          } = await list(
            `sort=${sort}&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
          );
          seen.push(...titles(page));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(seen.sort(), sort).toEqual(
          titles(await list("limit=50")).sort(),
        );
      }
    });

    it("refuses a tampered cursor", async () => {
      const response = await list("cursor=bm9wZQ");
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].path).toBe("cursor");
    });
  });

  it("lets the creator delete a task and answers 404 afterwards", async () => {
    const task = await createTask({}, member);
    const byViewer = await as(viewer).delete(`/api/tasks/${task.id}`);
    expect(byViewer.status).toBe(403);
    expect((await as(member).delete(`/api/tasks/${task.id}`)).status).toBe(204);
    expect((await as(org).get(`/api/tasks/${task.id}`)).status).toBe(404);
  });
});
