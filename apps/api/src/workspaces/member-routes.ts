import {
  addWorkspaceMemberRequestSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  workspaceMemberListSchema,
  workspaceMemberSchema,
} from "@ares/contracts";
import { z } from "zod";
import { requireIdentity } from "../auth/authenticate.js";
import { afterCommit, tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentWorkspaceMember } from "../presenters/workspace.js";
import type { Services } from "../services.js";
import { requireRight, workspaceAccess } from "../work/access.js";
import {
  listWorkspaceMembers,
  organizationRole,
  putWorkspaceMember,
  removeWorkspaceMember,
} from "./queries.js";

const tag = "Workspaces";

const memberParamsSchema = z.strictObject({ id: z.uuid(), userId: z.uuid() });

const refused = { description: "Not allowed", schema: errorEnvelopeSchema };

/** Who belongs to a workspace: list, add or change, remove. */
export function workspaceMemberRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const list = defineRoute({
    method: "get",
    path: "/api/workspaces/:id/members",
    summary: "The people added to a workspace, by name",
    tag,
    access: "tenant",
    params: idParamsSchema,
    responses: {
      200: { description: "Members", schema: workspaceMemberListSchema },
      404: { description: "No such workspace", schema: errorEnvelopeSchema },
    },
    async handler({ params }) {
      const identity = requireIdentity();

      const members = await tenantTransaction(db, async (tx) => {
        const { workspace } = await workspaceAccess(tx, identity, params.id);

        return listWorkspaceMembers(tx, workspace.id);
      });

      return {
        status: 200,
        body: { members: members.map(presentWorkspaceMember) },
      };
    },
  });

  const add = defineRoute({
    method: "post",
    path: "/api/workspaces/:id/members",
    summary: "Add a member of the organization, or change their role here",
    tag,
    access: "tenant",
    params: idParamsSchema,
    body: addWorkspaceMemberRequestSchema,
    responses: {
      200: { description: "Role changed", schema: workspaceMemberSchema },
      201: { description: "Added", schema: workspaceMemberSchema },
      403: refused,
      404: {
        description: "No such workspace, or no such member of the organization",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ params, body }) {
      const identity = requireIdentity();

      const result = await tenantTransaction(db, async (tx) => {
        const access = await workspaceAccess(tx, identity, params.id);
        requireRight(
          access.canManage,
          "Only workspace admins can change who belongs to this workspace",
        );
        const role = await organizationRole(tx, body.userId);
        if (role === "viewer" && body.role === "admin") {
          throw new AppError("validation_failed", "Viewers only read", [
            { path: "role", message: "A viewer can only be a member here" },
          ]);
        }

        const put = await putWorkspaceMember(tx, identity, {
          workspaceId: access.workspace.id,
          ...body,
        });
        if (put.roleChanged) {
          // What their open pages let them do changed: they reconnect,
          // and rejoining asks those pages again.
          afterCommit(tx, () => {
            services.events.disconnectUser(body.userId, identity.tenantId);
          });
        }
        return put;
      });

      return {
        status: result.added ? 201 : 200,
        body: presentWorkspaceMember(result.member),
      };
    },
  });

  const remove = defineRoute({
    method: "delete",
    path: "/api/workspaces/:id/members/:userId",
    summary: "Remove someone from a workspace; anyone may leave",
    tag,
    access: "tenant",
    params: memberParamsSchema,
    responses: {
      204: { description: "Removed" },
      403: refused,
      404: {
        description: "No such workspace, or not a member of it",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ params }) {
      const identity = requireIdentity();

      await tenantTransaction(db, async (tx) => {
        const access = await workspaceAccess(tx, identity, params.id);
        requireRight(
          access.canManage || params.userId === identity.userId,
          "Only workspace admins can remove other people",
        );

        await removeWorkspaceMember(tx, access.workspace.id, params.userId);
        // Their sockets may be in the rooms of this workspace's projects:
        // they reconnect, and joins are checked again.
        afterCommit(tx, () => {
          services.events.disconnectUser(params.userId, identity.tenantId);
        });
      });

      return { status: 204 };
    },
  });

  return [list, add, remove];
}
