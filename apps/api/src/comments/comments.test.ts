import { activityListSchema, commentSchema } from "@ares/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  addMember,
  addToWorkspace,
  as,
  buildOrganization,
  buildProject,
  buildTask,
  type Person,
} from "../../test/factories.js";
import { testApp, type TestHttp } from "../../test/harness.js";

describe("comments and activity", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  const commentsPath = (taskId: string) => `/api/tasks/${taskId}/comments`;
  const activityPath = (taskId: string) => `/api/tasks/${taskId}/activity`;

  /** A task in a project of its own, with `role` added to its workspace. */
  async function taskWithPerson(role: "member" | "viewer") {
    const owner = await buildOrganization(http);
    const project = await buildProject(http, owner);
    const task = await buildTask(http, owner, { projectId: project.id });
    const person = await addMember(http, owner, { role });
    await addToWorkspace(http, owner, project.workspaceId, person);
    return { owner, project, task, person };
  }

  async function comment(person: Person, taskId: string, body: string) {
    const response = await as(http, person).post(commentsPath(taskId), {
      body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string };
  }

  it("adds a comment with its author", async () => {
    const { task, person } = await taskWithPerson("member");

    const response = await as(http, person).post(commentsPath(task.id), {
      body: "  Looks good to me  ",
    });

    expect(response.status).toBe(201);
    expect(commentSchema.parse(response.body)).toEqual({
      id: expect.any(String),
      taskId: task.id,
      author: person.user,
      body: "Looks good to me",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
  });

  it("lists a task's comments oldest first", async () => {
    const { owner, task, person } = await taskWithPerson("member");
    const first = await comment(person, task.id, "First");
    const second = await comment(owner, task.id, "Second");

    const response = await as(http, person).get(commentsPath(task.id));

    expect(response.status).toBe(200);
    expect(response.body.comments).toEqual([
      expect.objectContaining({ id: first.id, author: person.user }),
      expect.objectContaining({ id: second.id, author: owner.user }),
    ]);
  });

  it("pages through comments with a cursor", async () => {
    const { owner, task } = await taskWithPerson("member");
    const written = [];
    for (const body of ["One", "Two", "Three"]) {
      written.push(await comment(owner, task.id, body));
    }

    const first = await as(http, owner).get(`${commentsPath(task.id)}?limit=2`);
    const second = await as(http, owner).get(
      `${commentsPath(task.id)}?limit=2&cursor=${first.body.nextCursor}`,
    );

    const ids = (page: { body: { comments: { id: string }[] } }) =>
      page.body.comments.map((entry) => entry.id);
    expect(ids(first)).toEqual([written[0]?.id, written[1]?.id]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(ids(second)).toEqual([written[2]?.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("answers 400 for a cursor it did not make", async () => {
    const { owner, task } = await taskWithPerson("member");

    for (const path of [commentsPath(task.id), activityPath(task.id)]) {
      const response = await as(http, owner).get(`${path}?cursor=bm9wZQ`);

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: "validation_failed",
        details: [{ path: "cursor" }],
      });
    }
  });

  it("lets a viewer read comments but answers 403 when they comment", async () => {
    const { owner, task, person: viewer } = await taskWithPerson("viewer");
    await comment(owner, task.id, "For your information");

    const read = await as(http, viewer).get(commentsPath(task.id));
    const write = await as(http, viewer).post(commentsPath(task.id), {
      body: "Me too",
    });

    expect(read.status).toBe(200);
    expect(read.body.comments).toHaveLength(1);
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe("forbidden");
  });

  it("answers 400 for an empty comment", async () => {
    const { owner, task } = await taskWithPerson("member");

    const response = await as(http, owner).post(commentsPath(task.id), {
      body: "   ",
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: "body", message: expect.any(String) },
    ]);
  });

  it("records a comment in the task's activity at the task's version", async () => {
    const { owner, task } = await taskWithPerson("member");
    const edited = await as(http, owner).patch(`/api/tasks/${task.id}`, {
      baseVersion: task.version,
      title: "Write better release notes",
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const posted = await comment(owner, task.id, "Renamed it");

    const response = await as(http, owner).get(activityPath(task.id));

    expect(response.status).toBe(200);
    const { activity } = activityListSchema.parse(response.body);
    expect(activity[0]).toEqual({
      id: expect.any(String),
      kind: "commented",
      field: null,
      from: null,
      to: { commentId: posted.id },
      actor: owner.user,
      version: edited.body.version,
      at: expect.any(String),
    });
  });

  it("pages through activity newest first", async () => {
    const { owner, task } = await taskWithPerson("member");
    for (const body of ["One", "Two", "Three"]) {
      await comment(owner, task.id, body);
    }
    const whole = activityListSchema.parse(
      (await as(http, owner).get(activityPath(task.id))).body,
    );
    expect(whole.activity).toHaveLength(4);
    expect(whole.nextCursor).toBeNull();

    const seen = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const response = await as(http, owner).get(
        `${activityPath(task.id)}?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const page = activityListSchema.parse(response.body);
      seen.push(...page.activity.map((entry) => entry.id));
      cursor = page.nextCursor;
    }

    expect(seen).toEqual(whole.activity.map((entry) => entry.id));
  });

  it("lists activity newest first with its actors", async () => {
    const { owner, task, person } = await taskWithPerson("member");
    const { kysely } = await sharedTestDatabase();
    await kysely
      .insertInto("task_activity")
      .values({
        tenant_id: owner.organization.id,
        task_id: task.id,
        version: task.version + 1,
        actor_id: person.user.id,
        kind: "moved",
        field: "status",
        from_value: JSON.stringify("todo"),
        to_value: JSON.stringify("in_progress"),
      })
      .execute();
    await comment(owner, task.id, "Moving along");

    const response = await as(http, person).get(activityPath(task.id));

    const kinds = response.body.activity.map(
      (entry: { kind: string }) => entry.kind,
    );
    expect(kinds.slice(0, 2)).toEqual(["commented", "moved"]);
    expect(kinds.at(-1)).toBe("created");
    expect(response.body.activity[1]).toMatchObject({
      field: "status",
      from: "todo",
      to: "in_progress",
      actor: person.user,
    });
  });

  it("returns 404 for a task in a workspace the member was not added to", async () => {
    const owner = await buildOrganization(http);
    const outsider = await addMember(http, owner, { role: "member" });
    const task = await buildTask(http, owner);
    const client = as(http, outsider);

    const responses = [
      await client.get(commentsPath(task.id)),
      await client.post(commentsPath(task.id), { body: "Hello?" }),
      await client.get(activityPath(task.id)),
    ];

    expect(responses.map((response) => response.status)).toEqual([
      404, 404, 404,
    ]);
  });

  it("returns 404 for another organization's task and comment on every route", async () => {
    const owner = await buildOrganization(http);
    const task = await buildTask(http, owner);
    const posted = await comment(owner, task.id, "Private");
    const client = as(http, await buildOrganization(http));

    const responses = [
      await client.get(commentsPath(task.id)),
      await client.post(commentsPath(task.id), { body: "Hello" }),
      await client.get(activityPath(task.id)),
      await client.delete(`/api/comments/${posted.id}`),
    ];

    expect(responses.map((response) => response.status)).toEqual([
      404, 404, 404, 404,
    ]);
    expect(responses[0]?.body.error.message).toBe("Task not found");
    expect(responses[3]?.body.error.message).toBe("Comment not found");
  });

  describe("deleting", () => {
    it("lets the author delete their comment", async () => {
      const { task, person } = await taskWithPerson("member");
      const posted = await comment(person, task.id, "Oops");

      const response = await as(http, person).delete(
        `/api/comments/${posted.id}`,
      );

      expect(response.status).toBe(204);
      const list = await as(http, person).get(commentsPath(task.id));
      expect(list.body.comments).toEqual([]);
    });

    it("answers 403 when someone else's comment is deleted by a plain member", async () => {
      const { owner, task, person } = await taskWithPerson("member");
      const posted = await comment(owner, task.id, "Mine");

      const response = await as(http, person).delete(
        `/api/comments/${posted.id}`,
      );

      expect(response.status).toBe(403);
    });

    it("lets a workspace admin delete anyone's comment", async () => {
      const { owner, task, person } = await taskWithPerson("member");
      const posted = await comment(person, task.id, "Off topic");

      const response = await as(http, owner).delete(
        `/api/comments/${posted.id}`,
      );

      expect(response.status).toBe(204);
    });

    it("returns 404 for a comment on a task the member cannot see", async () => {
      const owner = await buildOrganization(http);
      const outsider = await addMember(http, owner, { role: "member" });
      const task = await buildTask(http, owner);
      const posted = await comment(owner, task.id, "Hidden");

      const response = await as(http, outsider).delete(
        `/api/comments/${posted.id}`,
      );

      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe("Comment not found");
    });
  });
});
