import {
  createProjectRequestSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  updateProjectRequestSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { tenantTransaction } from "../db/scope.js";
import { eventNames } from "../realtime/events.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentProject } from "../presenters/project.js";
import type { Services } from "../services.js";
import {
  projectAccess,
  requireRight,
  workspaceAccess,
} from "../work/access.js";
import {
  createProject,
  duplicateKeyAsConflict,
  listProjects,
  updateProject,
} from "./queries.js";

const tag = "Projects";

const refused = { description: "Not allowed", schema: errorEnvelopeSchema };

const missing = {
  description: "No such project, or one you cannot see",
  schema: errorEnvelopeSchema,
};

const manageOnly = "Only workspace admins can manage its projects";

/** Projects: a key, a workflow of statuses and the tasks on its board. */
export function projectRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const list = defineRoute({
    method: "get",
    path: "/api/projects",
    summary: "The projects you can see, by name; active ones by default",
    tag,
    access: "tenant",
    query: projectListQuerySchema,
    responses: {
      200: { description: "Projects", schema: projectListSchema },
      404: { description: "No such workspace", schema: errorEnvelopeSchema },
    },
    async handler({ query }) {
      const identity = requireIdentity();

      const projects = await tenantTransaction(db, async (tx) => {
        if (query.workspaceId) {
          await workspaceAccess(tx, identity, query.workspaceId);
        }

        return listProjects(tx, identity, query);
      });

      return { status: 200, body: { projects: projects.map(presentProject) } };
    },
  });

  const create = defineRoute({
    method: "post",
    path: "/api/projects",
    summary: "Create a project in a workspace you manage",
    tag,
    access: "tenant",
    body: createProjectRequestSchema,
    responses: {
      201: { description: "The new project", schema: projectSchema },
      403: refused,
      404: { description: "No such workspace", schema: errorEnvelopeSchema },
      409: {
        description: "Another project uses the key",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ body }) {
      const identity = requireIdentity();

      const project = await tenantTransaction(db, async (tx) => {
        const access = await workspaceAccess(tx, identity, body.workspaceId);
        requireRight(access.canManage, manageOnly);

        return createProject(tx, identity, body);
      }).catch(duplicateKeyAsConflict);

      return { status: 201, body: presentProject(project) };
    },
  });

  const get = defineRoute({
    method: "get",
    path: "/api/projects/:id",
    summary: "One project with its workflow",
    tag,
    access: "tenant",
    params: idParamsSchema,
    responses: {
      200: { description: "The project", schema: projectSchema },
      404: missing,
    },
    async handler({ params }) {
      const identity = requireIdentity();

      const { project } = await tenantTransaction(db, (tx) =>
        projectAccess(tx, identity, params.id),
      );

      return { status: 200, body: presentProject(project) };
    },
  });

  const update = defineRoute({
    method: "patch",
    path: "/api/projects/:id",
    summary: "Change, archive or re-plan a project, from the version you saw",
    tag,
    access: "tenant",
    params: idParamsSchema,
    body: updateProjectRequestSchema,
    responses: {
      200: { description: "The updated project", schema: projectSchema },
      403: refused,
      404: missing,
      409: {
        description:
          "A field you sent was changed meanwhile, or the new workflow " +
          "drops a status tasks are still in",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ params, body }) {
      const identity = requireIdentity();

      const project = await tenantTransaction(db, async (tx) => {
        const access = await projectAccess(tx, identity, params.id);
        requireRight(access.canManage, manageOnly);

        const updated = await updateProject(tx, access.project, body);
        if (updated.version !== access.project.version) {
          services.events.publish(tx, {
            organizationId: identity.tenantId,
            audience: { kind: "project", projectId: updated.id },
            name: eventNames.projectUpdated,
            data: presentProject(updated),
            version: updated.version,
            actorId: identity.userId,
          });
        }
        return updated;
      });

      return { status: 200, body: presentProject(project) };
    },
  });

  const remove = defineRoute({
    method: "delete",
    path: "/api/projects/:id",
    summary: "Delete a project with its tasks and comments",
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
        const access = await projectAccess(tx, identity, params.id);
        requireRight(access.canManage, manageOnly);

        await tx
          .deleteFrom("projects")
          .where("id", "=", access.project.id)
          .execute();
        services.events.publish(tx, {
          organizationId: identity.tenantId,
          audience: { kind: "project", projectId: access.project.id },
          name: eventNames.projectDeleted,
          data: {
            id: access.project.id,
            workspaceId: access.project.workspace_id,
          },
          version: access.project.version,
          actorId: identity.userId,
        });
      });

      return { status: 204 };
    },
  });

  return [list, create, get, update, remove];
}
