import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  addMember,
  addToWorkspace,
  as,
  buildOrganization,
  buildWorkspace,
} from "../../test/factories.js";
import { testApp, type TestHttp } from "../../test/harness.js";

describe("workspace members", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  const membersPath = (workspaceId: string) =>
    `/api/workspaces/${workspaceId}/members`;

  it("adds a member of the organization, who then sees the workspace", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);

    const added = await as(http, owner).post(membersPath(workspace.id), {
      userId: member.user.id,
      role: "member",
    });

    expect(added.status).toBe(201);
    expect(added.body).toEqual({ user: member.user, role: "member" });
    const seen = await as(http, member).get(`/api/workspaces/${workspace.id}`);
    expect(seen.status).toBe(200);
    const list = await as(http, member).get(membersPath(workspace.id));
    expect(list.body.members).toHaveLength(2);
  });

  it("changes the role of someone already in the workspace", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, member);

    const promoted = await as(http, owner).post(membersPath(workspace.id), {
      userId: member.user.id,
      role: "admin",
    });

    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("admin");
  });

  it("returns 404 when the user is not a member of the organization", async () => {
    const owner = await buildOrganization(http);
    const workspace = await buildWorkspace(http, owner);
    const elsewhere = await buildOrganization(http);

    const response = await as(http, owner).post(membersPath(workspace.id), {
      userId: elsewhere.user.id,
      role: "member",
    });

    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe("User not found");
  });

  it("adds a viewer to read the workspace but not to manage it", async () => {
    const owner = await buildOrganization(http);
    const viewer = await addMember(http, owner, { role: "viewer" });
    const workspace = await buildWorkspace(http, owner);

    const asAdmin = await as(http, owner).post(membersPath(workspace.id), {
      userId: viewer.user.id,
      role: "admin",
    });
    const asMember = await as(http, owner).post(membersPath(workspace.id), {
      userId: viewer.user.id,
      role: "member",
    });

    expect(asAdmin.status).toBe(400);
    expect(asAdmin.body.error.details).toEqual([
      { path: "role", message: expect.any(String) },
    ]);
    expect(asMember.status).toBe(201);
    const read = await as(http, viewer).get(`/api/workspaces/${workspace.id}`);
    expect(read.status).toBe(200);
  });

  it("keeps a workspace admin read-only once demoted to viewer in the organization", async () => {
    const owner = await buildOrganization(http);
    const lead = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, lead, "admin");
    const { kysely } = await sharedTestDatabase();
    await kysely
      .updateTable("memberships")
      .set({ role: "viewer" })
      .where("tenant_id", "=", owner.organization.id)
      .where("user_id", "=", lead.user.id)
      .execute();

    const response = await as(http, lead).patch(
      `/api/workspaces/${workspace.id}`,
      { baseVersion: 1, name: "Still mine?" },
    );

    expect(response.status).toBe(403);
  });

  it("answers 403 when a plain workspace member adds or removes people", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const newcomer = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, member);

    const add = await as(http, member).post(membersPath(workspace.id), {
      userId: newcomer.user.id,
      role: "member",
    });
    const remove = await as(http, member).delete(
      `${membersPath(workspace.id)}/${owner.user.id}`,
    );

    expect(add.status).toBe(403);
    expect(remove.status).toBe(403);
  });

  it("lets a workspace admin add people", async () => {
    const owner = await buildOrganization(http);
    const lead = await addMember(http, owner, { role: "member" });
    const newcomer = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, lead, "admin");

    const response = await as(http, lead).post(membersPath(workspace.id), {
      userId: newcomer.user.id,
      role: "member",
    });

    expect(response.status).toBe(201);
  });

  it("lets people leave a workspace, after which it answers 404 to them", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, member);

    const left = await as(http, member).delete(
      `${membersPath(workspace.id)}/${member.user.id}`,
    );

    expect(left.status).toBe(204);
    const after = await as(http, member).get(`/api/workspaces/${workspace.id}`);
    expect(after.status).toBe(404);
  });

  it("lets an organization owner remove a member", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);
    await addToWorkspace(http, owner, workspace.id, member);

    const removed = await as(http, owner).delete(
      `${membersPath(workspace.id)}/${member.user.id}`,
    );

    expect(removed.status).toBe(204);
    const list = await as(http, owner).get(membersPath(workspace.id));
    expect(list.body.members).toEqual([{ user: owner.user, role: "admin" }]);
  });

  it("returns 404 when removing someone who is not in the workspace", async () => {
    const owner = await buildOrganization(http);
    const member = await addMember(http, owner, { role: "member" });
    const workspace = await buildWorkspace(http, owner);

    const response = await as(http, owner).delete(
      `${membersPath(workspace.id)}/${member.user.id}`,
    );

    expect(response.status).toBe(404);
  });
});
