import {
  changeRoleRequestSchema,
  errorEnvelopeSchema,
  memberListSchema,
  memberSchema,
  userIdParamsSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { afterCommit, tenantTransaction } from "../db/scope.js";
import { eventNames } from "../realtime/events.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { authorize } from "../policies/policy.js";
import { presentMember } from "../presenters/member.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";
import { findMember, listMembers, lockMemberTarget } from "./queries.js";

const memberErrors = {
  403: { description: "Not allowed", schema: errorEnvelopeSchema },
  404: {
    description: "No such member in this organization",
    schema: errorEnvelopeSchema,
  },
};

/** The people of the current organization: list, change roles, remove. */
export function memberRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const list = defineRoute({
    method: "get",
    path: "/api/members",
    summary: "The members of the current organization, by name",
    tag: "Members",
    access: "tenant",
    responses: { 200: { description: "Members", schema: memberListSchema } },
    async handler() {
      const actor = requireIdentity();
      authorize(actor, { action: "member.list" });

      const members = await tenantTransaction(db, listMembers);
      return { status: 200, body: { members: members.map(presentMember) } };
    },
  });

  const changeRole = defineRoute({
    method: "patch",
    path: "/api/members/:userId",
    summary: "Change a member's role",
    tag: "Members",
    access: "tenant",
    params: userIdParamsSchema,
    body: changeRoleRequestSchema,
    responses: {
      200: { description: "The member's new role", schema: memberSchema },
      ...memberErrors,
    },
    async handler({ params, body }) {
      const actor = requireIdentity();

      const member = await tenantTransaction(db, async (tx) => {
        const target = await lockMemberTarget(
          tx,
          actor.tenantId,
          params.userId,
        );
        authorize(actor, {
          action: "member.changeRole",
          target,
          newRole: body.role,
        });

        if (target.role !== body.role) {
          await tx
            .updateTable("memberships")
            .set({ role: body.role })
            .where("tenant_id", "=", actor.tenantId)
            .where("user_id", "=", params.userId)
            .execute();
          await recordSecurityEvent(tx, {
            type: "member.role_changed",
            organizationId: actor.tenantId,
            actorUserId: actor.userId,
            targetUserId: params.userId,
            details: { from: target.role, to: body.role },
          });
        }
        const member = await findMember(tx, params.userId);
        if (target.role !== body.role) {
          services.events.publish(tx, {
            organizationId: actor.tenantId,
            audience: { kind: "organization" },
            name: eventNames.memberUpdated,
            data: presentMember(member),
            version: null,
            actorId: actor.userId,
          });
          // Live sockets reconnect and join their rooms under the new role.
          afterCommit(tx, () => {
            services.events.disconnectUser(params.userId, actor.tenantId);
          });
        }
        return member;
      });

      return { status: 200, body: presentMember(member) };
    },
  });

  const remove = defineRoute({
    method: "delete",
    path: "/api/members/:userId",
    summary: "Remove a member, or leave when it is yourself",
    tag: "Members",
    access: "tenant",
    params: userIdParamsSchema,
    responses: {
      204: { description: "Removed; their next request is refused" },
      ...memberErrors,
    },
    async handler({ params }) {
      const actor = requireIdentity();
      const leaving = params.userId === actor.userId;

      await tenantTransaction(db, async (tx) => {
        const target = await lockMemberTarget(
          tx,
          actor.tenantId,
          params.userId,
        );
        authorize(actor, { action: "member.remove", target });

        await tx
          .deleteFrom("memberships")
          .where("tenant_id", "=", actor.tenantId)
          .where("user_id", "=", params.userId)
          .execute();
        await recordSecurityEvent(tx, {
          type: leaving ? "member.left" : "member.removed",
          organizationId: actor.tenantId,
          actorUserId: actor.userId,
          targetUserId: params.userId,
          details: { role: target.role },
        });
        services.events.publish(tx, {
          organizationId: actor.tenantId,
          audience: { kind: "organization" },
          name: eventNames.memberRemoved,
          data: { userId: params.userId },
          version: null,
          actorId: actor.userId,
        });
        afterCommit(tx, () => {
          services.events.disconnectUser(params.userId, actor.tenantId);
        });
      });

      return { status: 204 };
    },
  });

  return [list, changeRole, remove];
}
