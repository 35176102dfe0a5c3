import crypto from "node:crypto";
import {
  defaultWorkflow,
  type CreateProjectRequest,
  type projectListQuerySchema,
  type UpdateProjectRequest,
} from "@ares/contracts";
import type { z } from "zod";
import type { Identity } from "../context.js";
import { isUniqueViolation } from "../db/errors.js";
import type { ProjectRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { AppError, notFound } from "../http/errors.js";
import { visibleWorkspaceIds } from "../work/access.js";
import { applyVersionedUpdate } from "../work/versioned-update.js";
import { assertStatusesStillFree } from "./workflow.js";

export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

/** The projects of the workspaces `identity` may see, by name. */
export function listProjects(
  tx: Tx,
  identity: Identity,
  query: ProjectListQuery,
): Promise<ProjectRow[]> {
  let projects = tx
    .selectFrom("projects")
    .selectAll()
    .where("workspace_id", "in", visibleWorkspaceIds(tx, identity));
  if (query.workspaceId) {
    projects = projects.where("workspace_id", "=", query.workspaceId);
  }
  if (query.archived !== "all") {
    projects = projects.where("archived", "=", query.archived === "true");
  }
  return projects.orderBy("name").orderBy("id").execute();
}

async function loadProject(tx: Tx, projectId: string): Promise<ProjectRow> {
  const project = await tx
    .selectFrom("projects")
    .selectAll()
    .where("id", "=", projectId)
    .executeTakeFirst();
  if (!project) {
    throw notFound("Project");
  }
  return project;
}

/** Creates a project; its workflow is the default one unless given. */
export function createProject(
  tx: Tx,
  identity: Identity,
  request: CreateProjectRequest,
): Promise<ProjectRow> {
  return tx
    .insertInto("projects")
    .values({
      tenant_id: identity.tenantId,
      id: crypto.randomUUID(),
      workspace_id: request.workspaceId,
      key: request.key,
      name: request.name,
      description: request.description,
      workflow: JSON.stringify(request.workflow ?? defaultWorkflow),
      created_by: identity.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Turns the database's refusal of a second project key into a 409. */
export function duplicateKeyAsConflict(error: unknown): never {
  if (isUniqueViolation(error, "projects_tenant_id_key_key")) {
    throw new AppError("conflict", "Another project already uses this key", [
      { path: "key", message: "Choose a key no other project uses" },
    ]);
  }
  throw error;
}

/**
 * Applies a versioned update to a project (see `applyVersionedUpdate`).
 * A new workflow is checked after the row is written and locked, so no
 * task can be created in a status while it is being removed.
 */
export function updateProject(
  tx: Tx,
  current: ProjectRow,
  { baseVersion, ...changes }: UpdateProjectRequest,
): Promise<ProjectRow> {
  const { workflow, ...plain } = changes;
  return applyVersionedUpdate(
    current,
    { baseVersion, changes },
    {
      reload: () => loadProject(tx, current.id),
      async write(record, fieldVersions) {
        const written = await tx
          .updateTable("projects")
          .set({
            ...plain,
            ...(workflow && { workflow: JSON.stringify(workflow) }),
            field_versions: fieldVersions,
            version: record.version + 1,
            updated_at: new Date(),
          })
          .where("id", "=", record.id)
          .where("version", "=", record.version)
          .returningAll()
          .executeTakeFirst();
        if (written && workflow) {
          await assertStatusesStillFree(tx, record, workflow);
        }
        return written;
      },
    },
  );
}
