import crypto from "node:crypto";
import type { AuthResponse, Project, Task, Workspace } from "@ares/contracts";

/** A task the benchmark edits, with the version its next edit starts from. */
export interface TaskHandle {
  id: string;
  version: number;
}

/** What the scenarios work on: one organization, its owner, its projects. */
export interface Fixture {
  organizationId: string;
  email: string;
  password: string;
  /** One project per room of the largest scenario, each with one task. */
  projects: { id: string; task: TaskHandle }[];
}

/** Sends a JSON request to the API and returns the parsed answer; throws on non-2xx. */
export async function callApi<T>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return (await response.json()) as T;
}

/**
 * Registers an organization and builds, through the HTTP API, a workspace
 * and `projects` projects (keys RT1, RT2, …) with one task in each.
 */
export async function seedWork(
  baseUrl: string,
  projects: number,
): Promise<Fixture> {
  const email = "owner@realtime-bench.test";
  const password = `realtime bench ${crypto.randomBytes(9).toString("hex")}`;
  const owner = await callApi<AuthResponse>(
    baseUrl,
    "POST",
    "/api/auth/register",
    {
      body: {
        organizationName: "Realtime bench",
        name: "Bench Owner",
        email,
        password,
        refreshTokenDelivery: "body",
      },
    },
  );
  const token = owner.accessToken;
  const workspace = await callApi<Workspace>(
    baseUrl,
    "POST",
    "/api/workspaces",
    { token, body: { name: "Realtime" } },
  );
  const built: Fixture["projects"] = [];
  for (let n = 1; n <= projects; n += 1) {
    const project = await callApi<Project>(baseUrl, "POST", "/api/projects", {
      token,
      body: { workspaceId: workspace.id, key: `RT${n}`, name: `Room ${n}` },
    });
    const task = await callApi<Task>(
      baseUrl,
      "POST",
      `/api/projects/${project.id}/tasks`,
      { token, body: { title: `Watched task ${n}` } },
    );
    built.push({
      id: project.id,
      task: { id: task.id, version: task.version },
    });
  }
  return {
    organizationId: owner.organization.id,
    email,
    password,
    projects: built,
  };
}

/** A fresh access token for the owner (they last 15 minutes). */
export async function signIn(
  baseUrl: string,
  fixture: Fixture,
): Promise<string> {
  const session = await callApi<AuthResponse>(
    baseUrl,
    "POST",
    "/api/auth/login",
    {
      body: {
        email: fixture.email,
        password: fixture.password,
        organizationId: fixture.organizationId,
        refreshTokenDelivery: "body",
      },
    },
  );
  return session.accessToken;
}
