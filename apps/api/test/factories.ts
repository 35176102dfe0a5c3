import crypto from "node:crypto";
import type {
  AuthResponse,
  CreateProjectRequest,
  CreateTaskRequest,
  CreateWorkspaceRequest,
  Project,
  Role,
  Task,
  Workspace,
  WorkspaceRole,
} from "@ares/contracts";
import { expect } from "vitest";
import { hashPassword } from "../src/auth/passwords.js";
import { sharedTestDatabase } from "./database.js";
import { registerOrganization, uniqueEmail, type TestHttp } from "./harness.js";

/** Someone signed in to one organization, as the tests act through them. */
export type Person = AuthResponse & { password: string };

/** Requests made as `person`: each one carries their access token. */
export function as(http: TestHttp, person: Pick<Person, "accessToken">) {
  const authorization = `Bearer ${person.accessToken}`;
  return {
    get: (path: string) => http.get(path).set("Authorization", authorization),
    post: (path: string, body: object = {}) =>
      http.post(path).set("Authorization", authorization).send(body),
    patch: (path: string, body: object) =>
      http.patch(path).set("Authorization", authorization).send(body),
    delete: (path: string) =>
      http.delete(path).set("Authorization", authorization),
  };
}

/** Checks a response's status, showing its body when it is not `status`. */
function expectStatus(
  response: { status: number; body: unknown },
  status: number,
) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
}

/** An organization of its own, signed in as its owner. */
export function buildOrganization(
  http: TestHttp,
  overrides: { organizationName?: string } = {},
): Promise<Person> {
  return registerOrganization(http, overrides);
}

const memberPassword = "a member's sturdy passphrase";
let memberPasswordHash: Promise<string> | undefined;

/**
 * Adds a new person with `role` to the owner's organization and signs them
 * in. Invitations are tested elsewhere, so the account and membership are
 * written directly with the schema owner's handle.
 */
export async function addMember(
  http: TestHttp,
  owner: Person,
  options: { role: Role; name?: string },
): Promise<Person> {
  const { kysely } = await sharedTestDatabase();
  memberPasswordHash ??= hashPassword(memberPassword);
  const email = uniqueEmail(options.role);
  const userId = crypto.randomUUID();
  await kysely
    .insertInto("users")
    .values({
      id: userId,
      email,
      name: options.name ?? `Pat ${options.role}`,
      password_hash: await memberPasswordHash,
    })
    .execute();
  await kysely
    .insertInto("memberships")
    .values({
      tenant_id: owner.organization.id,
      user_id: userId,
      role: options.role,
    })
    .execute();

  const response = await http.post("/api/auth/login").send({
    email,
    password: memberPassword,
    organizationId: owner.organization.id,
  });
  expectStatus(response, 200);
  return { ...(response.body as AuthResponse), password: memberPassword };
}

/** Creates a workspace as `owner`, an organization owner or admin. */
export async function buildWorkspace(
  http: TestHttp,
  owner: Person,
  overrides: Partial<CreateWorkspaceRequest> = {},
): Promise<Workspace> {
  const response = await as(http, owner).post("/api/workspaces", {
    name: "Engineering",
    ...overrides,
  });
  expectStatus(response, 201);
  return response.body as Workspace;
}

/** Adds `member` to a workspace with `role`, as someone who manages it. */
export async function addToWorkspace(
  http: TestHttp,
  manager: Person,
  workspaceId: string,
  member: Person,
  role: WorkspaceRole = "member",
): Promise<void> {
  const response = await as(http, manager).post(
    `/api/workspaces/${workspaceId}/members`,
    { userId: member.user.id, role },
  );
  expectStatus(response, 201);
}

let keyCounter = 0;

/** A project key no other project of this worker uses: PRJ1, PRJ2, … */
export function uniqueProjectKey(): string {
  keyCounter += 1;
  return `PRJ${keyCounter}`;
}

/** Creates a project as `owner`, with a new workspace unless given one. */
export async function buildProject(
  http: TestHttp,
  owner: Person,
  overrides: Partial<CreateProjectRequest> = {},
): Promise<Project> {
  const workspaceId =
    overrides.workspaceId ?? (await buildWorkspace(http, owner)).id;
  const response = await as(http, owner).post("/api/projects", {
    key: uniqueProjectKey(),
    name: "Platform",
    ...overrides,
    workspaceId,
  });
  expectStatus(response, 201);
  return response.body as Project;
}

/** Creates a task as `actor`, with a new project unless given one. */
export async function buildTask(
  http: TestHttp,
  actor: Person,
  overrides: Partial<CreateTaskRequest> & { projectId?: string } = {},
): Promise<Task> {
  const { projectId, ...fields } = overrides;
  const project = projectId ?? (await buildProject(http, actor)).id;
  const response = await as(http, actor).post(
    `/api/projects/${project}/tasks`,
    { title: "Write the release notes", ...fields },
  );
  expectStatus(response, 201);
  return response.body as Task;
}
