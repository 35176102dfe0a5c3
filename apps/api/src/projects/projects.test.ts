import {
  defaultWorkflow,
  projectSchema,
  type WorkflowStatus,
} from "@ares/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  addToWorkspace,
  as,
  buildOrganization,
  buildProject,
  buildTask,
  buildWorkspace,
} from "../../test/factories.js";
import { testApp, type TestHttp } from "../../test/harness.js";

describe("projects", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  it("creates a project with the default workflow", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);

    const response = await as(http, owner).post("/api/projects", {
      workspaceId: workspace.id,
      key: "ENG",
      name: "Engineering",
    });

    expect(response.status).toBe(201);
    expect(projectSchema.parse(response.body)).toEqual({
      id: expect.any(String),
      workspaceId: workspace.id,
      key: "ENG",
      name: "Engineering",
      description: "",
      archived: false,
      workflow: defaultWorkflow,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
  });

  it("creates a project with its own workflow", async () => {
    const owner = await buildOrganization(http);
    const workflow: WorkflowStatus[] = [
      { key: "open", name: "Open", category: "todo" },
      { key: "closed", name: "Closed", category: "done" },
    ];

    const project = await buildProject(http, owner, { key: "OPS", workflow });

    expect(project.workflow).toEqual(workflow);
  });

  it("answers 409 on the key when another project of the organization has it", async () => {
    const owner = await buildOrganization(http);
    await buildProject(http, owner, { key: "WEB" });
    const other = await buildWorkspace(http, owner, { name: "Other" });

    const response = await as(http, owner).post("/api/projects", {
      workspaceId: other.id,
      key: "WEB",
      name: "Website again",
    });

    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: "conflict",
      details: [{ path: "key", message: expect.any(String) }],
    });
  });

  it("lets another organization use the same key", async () => {
    const first = await buildOrganization(http);
    const second = await buildOrganization(http);
    await buildProject(http, first, { key: "SAME" });

    const project = await buildProject(http, second, { key: "SAME" });

    expect(project.key).toBe("SAME");
  });

  it.each(["eng", "E", "1ENG", "ENG-1", "ABCDEFGHIJK"])(
    "answers 400 on the key for %j",
    async (key) => {
      const owner = await buildOrganization(http);
      const workspace = await buildWorkspace(http, owner);

      const response = await as(http, owner).post("/api/projects", {
        workspaceId: workspace.id,
        key,
        name: "Bad key",
      });

      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([
        { path: "key", message: expect.any(String) },
      ]);
    },
  );

  it("answers 400 for a workflow that repeats a status key", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);

    const response = await as(http, owner).post("/api/projects", {
      workspaceId: workspace.id,
      key: "DUP",
      name: "Duplicates",
      workflow: [
        { key: "todo", name: "To do", category: "todo" },
        { key: "todo", name: "Again", category: "todo" },
      ],
    });

    expect(response.status).toBe(400);
  });

  it("answers 403 when a plain workspace member creates a project", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, member);

    const response = await as(http, member).post("/api/projects", {
      workspaceId: workspace.id,
      key: "MINE",
      name: "Mine",
    });

    expect(response.status).toBe(403);
  });

  it("lets a workspace admin create, change and delete projects", async () => {
    const owner = await buildOrganization(http);
    const lead = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, lead, "admin");
    const client = as(http, lead);

    const created = await client.post("/api/projects", {
      workspaceId: workspace.id,
      key: "LEAD",
      name: "Led",
    });
    const path = `/api/projects/${created.body.id}`;
    const changed = await client.patch(path, { baseVersion: 1, name: "Run" });
    const deleted = await client.delete(path);

    expect([created.status, changed.status, deleted.status]).toEqual([
      201, 200, 204,
    ]);
    expect((await client.get(path)).status).toBe(404);
  });

  it("returns 404 for projects of a workspace the member was not added to", async () => {
    const owner = await buildOrganization(http);
    const outsider = await addMember(http, owner, { role: "member" });
    const project = await buildProject(http, owner);
    const client = as(http, outsider);

    const one = await client.get(`/api/projects/${project.id}`);
    const filtered = await client.get(
      `/api/projects?workspaceId=${project.workspaceId}`,
    );
    const all = await client.get("/api/projects");

    expect(one.status).toBe(404);
    expect(filtered.status).toBe(404);
    expect(all.body.projects).toEqual([]);
  });

  it("lists active projects by default and archived ones on request", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);
    const active = await buildProject(http, owner, {
      workspaceId: workspace.id,
      name: "Active",
    });
    const archived = await buildProject(http, owner, {
      workspaceId: workspace.id,
      name: "Archived",
    });
    await as(http, owner).patch(`/api/projects/${archived.id}`, {
      baseVersion: 1,
      archived: true,
    });
    const idsFor = async (query: string) => {
      const response = await as(http, owner).get(`/api/projects${query}`);
      expect(response.status).toBe(200);
      return response.body.projects.map(
        (project: { id: string }) => project.id,
      );
    };

    expect(await idsFor("")).toEqual([active.id]);
    expect(await idsFor("?archived=true")).toEqual([archived.id]);
    expect(await idsFor("?archived=all")).toEqual([active.id, archived.id]);
    expect(await idsFor(`?workspaceId=${workspace.id}&archived=all`)).toEqual([
      active.id,
      archived.id,
    ]);
  });

  it("answers 400 for an unknown archived filter", async () => {
    const owner = await buildOrganization(http);

    const response = await as(http, owner).get("/api/projects?archived=yes");

    expect(response.status).toBe(400);
  });

  it("answers 400, not 500, for a NUL character inside the workflow", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);

    const response = await as(http, owner).post("/api/projects", {
      workspaceId: workspace.id,
      key: "NUL",
      name: "Nulls",
      workflow: [{ key: "todo", name: "To\u0000do", category: "todo" }],
    });

    expect(response.status).toBe(400);
  });

  describe("workflow changes", () => {
    const withoutTodo = defaultWorkflow.filter((s) => s.key !== "todo");

    it("answers 409 naming the status when tasks are still in one it drops", async () => {
      const owner = await buildOrganization(http);
      const project = await buildProject(http, owner);
      await buildTask(http, owner, { projectId: project.id });

      const response = await as(http, owner).patch(
        `/api/projects/${project.id}`,
        { baseVersion: 1, workflow: withoutTodo },
      );

      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("conflict");
      expect(response.body.error.message).toContain('"To do" (todo)');
      expect(response.body.error.details).toEqual([
        { path: "workflow", message: response.body.error.message },
      ]);
      const unchanged = await as(http, owner).get(
        `/api/projects/${project.id}`,
      );
      expect(unchanged.body).toMatchObject({
        workflow: defaultWorkflow,
        version: 1,
      });
    });

    it("drops a status no task is in, renames and adds others", async () => {
      const owner = await buildOrganization(http);
      const project = await buildProject(http, owner);
      await buildTask(http, owner, { projectId: project.id });
      const workflow = [
        { key: "todo", name: "Backlog", category: "todo" },
        { key: "doing", name: "Doing", category: "in_progress" },
        { key: "done", name: "Shipped", category: "done" },
      ];

      const response = await as(http, owner).patch(
        `/api/projects/${project.id}`,
        { baseVersion: 1, workflow },
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ workflow, version: 2 });
    });
  });

  describe("versioned updates", () => {
    it("answers 409 when a sent field differs once the project has moved on", async () => {
      const owner = await buildOrganization(http);
      const project = await buildProject(http, owner, { name: "Core" });
      const path = `/api/projects/${project.id}`;
      await as(http, owner).patch(path, { baseVersion: 1, name: "Kernel" });

      const response = await as(http, owner).patch(path, {
        baseVersion: 1,
        name: "Engine",
        archived: false,
      });

      expect(response.status).toBe(409);
      expect(response.body.error.details).toEqual([
        { path: "name", message: expect.any(String) },
      ]);
    });

    it("keeps the version for a stale update whose fields already hold their values", async () => {
      const owner = await buildOrganization(http);
      const project = await buildProject(http, owner, { name: "Core" });
      const path = `/api/projects/${project.id}`;
      await as(http, owner).patch(path, { baseVersion: 1, name: "Kernel" });

      const response = await as(http, owner).patch(path, {
        baseVersion: 1,
        name: "Kernel",
        workflow: defaultWorkflow,
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: "Kernel", version: 2 });
    });
  });

  it("returns 404 for another organization's project on every route", async () => {
    const owner = await buildOrganization(http);
    const project = await buildProject(http, owner);
    const stranger = await buildOrganization(http);
    const client = as(http, stranger);
    const path = `/api/projects/${project.id}`;

    const responses = [
      await client.get(path),
      await client.patch(path, { baseVersion: 1, name: "Taken" }),
      await client.delete(path),
      await client.get(`/api/projects?workspaceId=${project.workspaceId}`),
      await client.post("/api/projects", {
        workspaceId: project.workspaceId,
        key: "STEAL",
        name: "Stolen",
      }),
    ];

    expect(responses.map((response) => response.status)).toEqual([
      404, 404, 404, 404, 404,
    ]);
    expect((await client.get("/api/projects")).body.projects).toEqual([]);
  });
});
