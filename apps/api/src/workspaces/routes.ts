import {
  createWorkspaceRequestSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  updateWorkspaceRequestSchema,
  workspaceListSchema,
  workspaceSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { tenantTransaction } from "../db/scope.js";
import { eventNames } from "../realtime/events.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { isPrivileged } from "../policies/roles.js";
import { presentWorkspace } from "../presenters/workspace.js";
import type { Services } from "../services.js";
import { requireRight, workspaceAccess } from "../work/access.js";
import {
  createWorkspace,
  listWorkspaces,
  loadWorkspace,
  updateWorkspace,
} from "./queries.js";

const tag = "Workspaces";

const refused = { description: "Not allowed", schema: errorEnvelopeSchema };

const missing = {
  description: "No such workspace, or one you cannot see",
  schema: errorEnvelopeSchema,
};

const changedMeanwhile = {
  description: "A field you sent was changed by someone else meanwhile",
  schema: errorEnvelopeSchema,
};

/** Workspaces: the top level of work, holding projects and their people. */
export function workspaceRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const list = defineRoute({
    method: "get",
    path: "/api/workspaces",
    summary: "The workspaces you can see, by name",
    tag,
    access: "tenant",
    responses: {
      200: { description: "Workspaces", schema: workspaceListSchema },
    },
    async handler() {
      const identity = requireIdentity();

      const workspaces = await tenantTransaction(db, (tx) =>
        listWorkspaces(tx, identity),
      );

      return {
        status: 200,
        body: { workspaces: workspaces.map(presentWorkspace) },
      };
    },
  });

  const create = defineRoute({
    method: "post",
    path: "/api/workspaces",
    summary: "Create a workspace; you become one of its admins",
    tag,
    access: "tenant",
    body: createWorkspaceRequestSchema,
    responses: {
      201: { description: "The new workspace", schema: workspaceSchema },
      403: refused,
    },
    async handler({ body }) {
      const identity = requireIdentity();
      requireRight(
        isPrivileged(identity.role),
        "Only organization owners and admins can create workspaces",
      );

      const workspace = await tenantTransaction(db, (tx) =>
        createWorkspace(tx, identity, body),
      );

      return { status: 201, body: presentWorkspace(workspace) };
    },
  });

  const get = defineRoute({
    method: "get",
    path: "/api/workspaces/:id",
    summary: "One workspace",
    tag,
    access: "tenant",
    params: idParamsSchema,
    responses: {
      200: { description: "The workspace", schema: workspaceSchema },
      404: missing,
    },
    async handler({ params }) {
      const identity = requireIdentity();

      const workspace = await tenantTransaction(db, async (tx) => {
        await workspaceAccess(tx, identity, params.id);

        return loadWorkspace(tx, params.id);
      });

      return { status: 200, body: presentWorkspace(workspace) };
    },
  });

  const update = defineRoute({
    method: "patch",
    path: "/api/workspaces/:id",
    summary: "Rename or describe a workspace, from the version you saw",
    tag,
    access: "tenant",
    params: idParamsSchema,
    body: updateWorkspaceRequestSchema,
    responses: {
      200: { description: "The updated workspace", schema: workspaceSchema },
      403: refused,
      404: missing,
      409: changedMeanwhile,
    },
    async handler({ params, body }) {
      const identity = requireIdentity();

      const workspace = await tenantTransaction(db, async (tx) => {
        const access = await workspaceAccess(tx, identity, params.id);
        requireRight(
          access.canManage,
          "Only workspace admins can change this workspace",
        );

        const updated = await updateWorkspace(tx, access.workspace, body);
        if (updated.version !== access.workspace.version) {
          const projects = await tx
            .selectFrom("projects")
            .select("id")
            .where("workspace_id", "=", updated.id)
            .execute();
          for (const project of projects) {
            services.events.publish(tx, {
              organizationId: identity.tenantId,
              audience: { kind: "project", projectId: project.id },
              name: eventNames.workspaceUpdated,
              data: presentWorkspace(updated),
              version: updated.version,
              actorId: identity.userId,
            });
          }
        }
        return updated;
      });

      return { status: 200, body: presentWorkspace(workspace) };
    },
  });

  const remove = defineRoute({
    method: "delete",
    path: "/api/workspaces/:id",
    summary: "Delete a workspace with its projects, tasks and comments",
    tag,
    access: "tenant",
    params: idParamsSchema,
    responses: {
      204: { description: "Deleted" },
      403: refused,
      404: missing,
    },
    async handler({ params }) {
      const identity = requireIdentity();

      await tenantTransaction(db, async (tx) => {
        const { workspace } = await workspaceAccess(tx, identity, params.id);
        requireRight(
          isPrivileged(identity.role),
          "Only organization owners and admins can delete workspaces",
        );

        // Its projects go with it; those looking at one are told both.
        const projects = await tx
          .deleteFrom("projects")
          .where("workspace_id", "=", workspace.id)
          .returning("id")
          .execute();
        await tx
          .deleteFrom("workspaces")
          .where("id", "=", workspace.id)
          .execute();
        for (const project of projects) {
          const audience = { kind: "project", projectId: project.id } as const;
          services.events.publish(tx, {
            organizationId: identity.tenantId,
            audience,
            name: eventNames.projectDeleted,
            data: { id: project.id, workspaceId: workspace.id },
            version: null,
            actorId: identity.userId,
          });
          services.events.publish(tx, {
            organizationId: identity.tenantId,
            audience,
            name: eventNames.workspaceDeleted,
            data: { id: workspace.id },
            version: workspace.version,
            actorId: identity.userId,
          });
        }
      });

      return { status: 204 };
    },
  });

  return [list, create, get, update, remove];
}
