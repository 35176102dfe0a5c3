import {
  createInvitationRequestSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  invitationListSchema,
  invitationQuerySchema,
  invitationSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { hashToken, newToken } from "../auth/secrets.js";
import { decodeCursor, pageOf } from "../db/keyset.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { authorize } from "../policies/policy.js";
import { presentInvitation } from "../presenters/invitation.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";
import { acceptRoutes } from "./accept-routes.js";
import { sendInvitationEmail } from "./email.js";
import {
  assertNotMember,
  expiryFromNow,
  insertInvitation,
  pendingAsConflict,
  retireExpiredInvitation,
} from "./manage.js";
import { findInvitation, listInvitations, lockInvitation } from "./queries.js";

const errors = {
  403: { description: "Only admins", schema: errorEnvelopeSchema },
  404: { description: "No such invitation", schema: errorEnvelopeSchema },
  409: { description: "Conflicts with its state", schema: errorEnvelopeSchema },
};

/** Inviting people by email, and accepting an invitation. */
export function invitationRoutes(services: Services): AnyRoute[] {
  const { db, config } = services;

  const create = defineRoute({
    method: "post",
    path: "/api/invites",
    summary: "Invite someone by email, with a role",
    tag: "Invitations",
    access: "tenant",
    body: createInvitationRequestSchema,
    responses: {
      201: { description: "Invitation sent", schema: invitationSchema },
      403: errors[403],
      409: errors[409],
    },
    async handler({ body }) {
      const actor = requireIdentity();
      authorize(actor, { action: "invitation.create", role: body.role });

      const token = newToken();
      const invitation = await tenantTransaction(db, async (tx) => {
        await assertNotMember(tx, body.email);
        const replacedInvitationId = await retireExpiredInvitation(
          tx,
          body.email,
        );
        const id = await insertInvitation(tx, actor, {
          ...body,
          tokenHash: hashToken(token),
          expiresAt: expiryFromNow(config.invitationDays),
        });
        await sendInvitationEmail(services, tx, actor, { ...body, token });
        await recordSecurityEvent(tx, {
          type: "invitation.sent",
          organizationId: actor.tenantId,
          actorUserId: actor.userId,
          details: { invitationId: id, role: body.role, replacedInvitationId },
        });
        return findInvitation(tx, id);
      }).catch(pendingAsConflict);

      return { status: 201, body: presentInvitation(invitation) };
    },
  });

  const list = defineRoute({
    method: "get",
    path: "/api/invites",
    summary: "The organization's invitations, newest first, by page",
    tag: "Invitations",
    access: "tenant",
    query: invitationQuerySchema,
    responses: {
      200: { description: "One page", schema: invitationListSchema },
      400: { description: "Invalid cursor", schema: errorEnvelopeSchema },
      403: errors[403],
    },
    async handler({ query }) {
      const actor = requireIdentity();
      authorize(actor, { action: "invitation.list" });
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;

      const rows = await tenantTransaction(db, (tx) =>
        listInvitations(tx, { limit: query.limit, after }),
      );
      const { rows: invitations, nextCursor } = pageOf(rows, query.limit);
      return {
        status: 200,
        body: { invitations: invitations.map(presentInvitation), nextCursor },
      };
    },
  });

  const revoke = defineRoute({
    method: "delete",
    path: "/api/invites/:id",
    summary: "Withdraw an invitation; its link stops working",
    tag: "Invitations",
    access: "tenant",
    params: idParamsSchema,
    responses: { 204: { description: "Withdrawn" }, ...errors },
    async handler({ params }) {
      const actor = requireIdentity();
      authorize(actor, { action: "invitation.revoke" });

      await tenantTransaction(db, async (tx) => {
        const current = await lockInvitation(tx, actor.tenantId, params.id);
        if (current.accepted_at) {
          throw new AppError(
            "conflict",
            "This invitation was already accepted; remove the member instead",
          );
        }
        if (current.revoked_at) {
          return;
        }

        await tx
          .updateTable("invitations")
          .set({ revoked_at: new Date() })
          .where("tenant_id", "=", actor.tenantId)
          .where("id", "=", params.id)
          .execute();
        await recordSecurityEvent(tx, {
          type: "invitation.revoked",
          organizationId: actor.tenantId,
          actorUserId: actor.userId,
          details: { invitationId: params.id },
        });
      });

      return { status: 204 };
    },
  });

  const resend = defineRoute({
    method: "post",
    path: "/api/invites/:id/resend",
    summary: "Send a pending or expired invitation again, with a new link",
    tag: "Invitations",
    access: "tenant",
    params: idParamsSchema,
    responses: {
      200: { description: "Sent again", schema: invitationSchema },
      ...errors,
    },
    async handler({ params }) {
      const actor = requireIdentity();
      authorize(actor, { action: "invitation.resend" });

      const token = newToken();
      const invitation = await tenantTransaction(db, async (tx) => {
        const current = await lockInvitation(tx, actor.tenantId, params.id);
        if (current.accepted_at || current.revoked_at) {
          throw new AppError(
            "conflict",
            "Only a pending or expired invitation can be sent again",
          );
        }

        await tx
          .updateTable("invitations")
          .set((eb) => ({
            token_hash: hashToken(token),
            expires_at: expiryFromNow(config.invitationDays),
            last_sent_at: new Date(),
            send_count: eb("send_count", "+", 1),
          }))
          .where("tenant_id", "=", actor.tenantId)
          .where("id", "=", params.id)
          .execute();
        await sendInvitationEmail(services, tx, actor, {
          email: current.email,
          role: current.role,
          token,
        });
        await recordSecurityEvent(tx, {
          type: "invitation.resent",
          organizationId: actor.tenantId,
          actorUserId: actor.userId,
          details: { invitationId: params.id },
        });
        return findInvitation(tx, params.id);
      });

      return { status: 200, body: presentInvitation(invitation) };
    },
  });

  return [create, list, revoke, resend, ...acceptRoutes(services)];
}
