import { workspaceSchema } from "@ares/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  addToWorkspace,
  as,
  buildOrganization,
  buildProject,
  buildWorkspace,
} from "../../test/factories.js";
import { testApp, type TestHttp } from "../../test/harness.js";

describe("workspaces", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  it("lets an organization owner create a workspace and become its admin", async () => {
    const owner = await buildOrganization(http);

    const created = await as(http, owner).post("/api/workspaces", {
      name: "  Design  ",
      description: "Brand and product design",
    });

    expect(created.status).toBe(201);
    expect(workspaceSchema.parse(created.body)).toEqual({
      id: expect.any(String),
      name: "Design",
      description: "Brand and product design",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
      projectCount: 0,
    });
    const members = await as(http, owner).get(
      `/api/workspaces/${created.body.id}/members`,
    );
    expect(members.body.members).toEqual([{ user: owner.user, role: "admin" }]);
  });

  it("lets an organization admin create a workspace", async () => {
    const owner = await buildOrganization(http);
    const admin = await addMember(http, owner, { role: "admin" });

    const created = await as(http, admin).post("/api/workspaces", {
      name: "Support",
    });

    expect(created.status).toBe(201);
  });

  it.each(["member", "viewer"] as const)(
    "answers 403 when a %s tries to create a workspace",
    async (role) => {
      const owner = await buildOrganization(http);
      const person = await addMember(http, owner, { role });

      const response = await as(http, person).post("/api/workspaces", {
        name: "Shadow IT",
      });

      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    },
  );

  it("lists only the workspaces a member was added to, with project counts", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const joined = await buildWorkspace(http, owner, { name: "Joined" });
    await buildWorkspace(http, owner, { name: "Hidden" });
    await buildProject(http, owner, { workspaceId: joined.id });
    await buildProject(http, owner, { workspaceId: joined.id });
    await addToWorkspace(http, owner, joined.id, member);

    const forMember = await as(http, member).get("/api/workspaces");
    const forOwner = await as(http, owner).get("/api/workspaces");

    expect(forMember.status).toBe(200);
    expect(forMember.body.workspaces).toEqual([
      expect.objectContaining({ id: joined.id, projectCount: 2 }),
    ]);
    expect(
      forOwner.body.workspaces.map((w: { name: string }) => w.name),
    ).toEqual(["Hidden", "Joined"]);
  });

  it("returns 404 when a member who was not added asks for the workspace", async () => {
    const owner = await buildOrganization(http);
    const outsider = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    const path = `/api/workspaces/${workspace.id}`;

    const responses = [
      await as(http, outsider).get(path),
      await as(http, outsider).patch(path, { baseVersion: 1, name: "Mine" }),
      await as(http, outsider).delete(path),
      await as(http, outsider).get(`${path}/members`),
    ];

    expect(responses.map((response) => response.status)).toEqual([
      404, 404, 404, 404,
    ]);
    expect(responses[0]?.body.error.code).toBe("not_found");
  });

  it("lets a workspace admin change the workspace but not delete it", async () => {
    const owner = await buildOrganization(http);
    const lead = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, lead, "admin");
    const path = `/api/workspaces/${workspace.id}`;

    const renamed = await as(http, lead).patch(path, {
      baseVersion: 1,
      name: "Platform",
    });
    const deleted = await as(http, lead).delete(path);

    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Platform", version: 2 });
    expect(deleted.status).toBe(403);
  });

  it("answers 403 when a plain workspace member changes the workspace", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, member);

    const response = await as(http, member).patch(
      `/api/workspaces/${workspace.id}`,
      { baseVersion: 1, name: "Mine now" },
    );

    expect(response.status).toBe(403);
  });

  it("answers 409 naming the field someone else changed since the base version", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner, { name: "Ops" });
    const path = `/api/workspaces/${workspace.id}`;
    await as(http, owner).patch(path, { baseVersion: 1, name: "Operations" });

    const response = await as(http, owner).patch(path, {
      baseVersion: 1,
      name: "Infrastructure",
      description: "Servers",
    });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("conflict");
    expect(response.body.error.details).toEqual([
      { path: "name", message: expect.any(String) },
    ]);
    const current = await as(http, owner).get(path);
    expect(current.body).toMatchObject({
      name: "Operations",
      description: "",
      version: 2,
    });
  });

  it("merges an edit of a field nobody else changed since the base version", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner, { name: "Ops" });
    const path = `/api/workspaces/${workspace.id}`;
    await as(http, owner).patch(path, { baseVersion: 1, name: "Operations" });

    const response = await as(http, owner).patch(path, {
      baseVersion: 1,
      description: "Servers",
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: "Operations",
      description: "Servers",
      version: 3,
    });
  });

  it("keeps the version for an old update whose fields already hold their values", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner, { name: "Ops" });
    const path = `/api/workspaces/${workspace.id}`;
    await as(http, owner).patch(path, { baseVersion: 1, name: "Operations" });

    const response = await as(http, owner).patch(path, {
      baseVersion: 1,
      name: "Operations",
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "Operations", version: 2 });
  });

  it("answers 409 to the later of two simultaneous renames", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner, { name: "Ops" });
    const path = `/api/workspaces/${workspace.id}`;
    const client = as(http, owner);

    const responses = await Promise.all([
      client.patch(path, { baseVersion: 1, name: "Operations" }),
      client.patch(path, { baseVersion: 1, name: "Infrastructure" }),
    ]);

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    const current = await client.get(path);
    expect(current.body.version).toBe(2);
  });

  it("deletes a workspace with its projects", async () => {
    const owner = await buildOrganization(http);
    const project = await buildProject(http, owner);

    const response = await as(http, owner).delete(
      `/api/workspaces/${project.workspaceId}`,
    );

    expect(response.status).toBe(204);
    const gone = await as(http, owner).get(`/api/projects/${project.id}`);
    expect(gone.status).toBe(404);
  });

  it("returns 404 for another organization's workspace on every route", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);
    const stranger = await buildOrganization(http);
    const path = `/api/workspaces/${workspace.id}`;
    const client = as(http, stranger);

    const responses = [
      await client.get(path),
      await client.patch(path, { baseVersion: 1, name: "Taken" }),
      await client.delete(path),
      await client.get(`${path}/members`),
      await client.post(`${path}/members`, {
        userId: stranger.user.id,
        role: "admin",
      }),
      await client.delete(`${path}/members/${owner.user.id}`),
    ];

    expect(responses.map((response) => response.status)).toEqual([
      404, 404, 404, 404, 404, 404,
    ]);
    const list = await client.get("/api/workspaces");
    expect(list.body.workspaces).toEqual([]);
  });

  it.each([
    ["a malformed id", "get", "/api/workspaces/not-a-uuid", {}],
    ["a missing baseVersion", "patch", "/api/workspaces/:id", { name: "X" }],
    [
      "an empty name",
      "patch",
      "/api/workspaces/:id",
      { baseVersion: 1, name: " " },
    ],
    ["an unknown field", "post", "/api/workspaces", { name: "X", owner: "me" }],
  ] as const)("answers 400 for %s", async (_case, method, template, body) => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);
    const path = template.replace(":id", workspace.id);
    const client = as(http, owner);

    const response =
      method === "get"
        ? await client.get(path)
        : await client[method](path, body);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
  });

  it("answers 400, not 500, for a NUL character the database cannot store", async () => {
    const owner = await buildOrganization(http);

    const response = await as(http, owner).post("/api/workspaces", {
      name: "Null\u0000Island",
    });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("bad_request");
  });
});
