import {
  acceptInvitationRequestSchema,
  authResponseSchema,
  errorEnvelopeSchema,
  invitationPreviewSchema,
  invitationTokenQuerySchema,
} from "@ares/contracts";
import { clientInfo, sessionReply } from "../auth/session-reply.js";
import { startSession } from "../auth/sessions.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentInvitationPreview } from "../presenters/invitation.js";
import type { Services } from "../services.js";
import { acceptInvitation } from "./accept.js";
import { existingInvitee, newInvitee } from "./invitee.js";
import { findOpenInvitation } from "./lookup.js";

const linkErrors = {
  400: {
    description: "Expired, withdrawn or already used, or invalid input",
    schema: errorEnvelopeSchema,
  },
  403: {
    description: "The organization is suspended",
    schema: errorEnvelopeSchema,
  },
  404: {
    description: "Not a valid invitation link",
    schema: errorEnvelopeSchema,
  },
};

/** The invitee's side: see an invitation, then accept it. */
export function acceptRoutes(services: Services): AnyRoute[] {
  const { db, logger } = services;

  const preview = defineRoute({
    method: "get",
    path: "/api/invites/preview",
    summary: "What an invitation link offers, before accepting it",
    tag: "Invitations",
    access: "public",
    query: invitationTokenQuerySchema,
    responses: {
      200: { description: "The invitation", schema: invitationPreviewSchema },
      ...linkErrors,
    },
    async handler({ query }) {
      const found = await findOpenInvitation(db, query.token);
      return { status: 200, body: presentInvitationPreview(found) };
    },
  });

  const accept = defineRoute({
    method: "post",
    path: "/api/invites/accept",
    summary: "Accept an invitation: sign up, or prove your account's password",
    tag: "Invitations",
    access: "public",
    body: acceptInvitationRequestSchema,
    responses: {
      201: { description: "Joined; signed in", schema: authResponseSchema },
      ...linkErrors,
      401: {
        description: "Wrong password for the existing account",
        schema: errorEnvelopeSchema,
      },
      409: { description: "Already a member", schema: errorEnvelopeSchema },
    },
    async handler({ req, res, body }) {
      const { invitation, accountExists } = await findOpenInvitation(
        db,
        body.token,
      );

      const invitee = accountExists
        ? await existingInvitee(
            services,
            invitation.email,
            body.password,
            req.ip ?? "unknown",
          )
        : await newInvitee(invitation.email, body);
      const member = await acceptInvitation(db, invitation, invitee);
      logger.info(
        { organizationId: member.tenantId, userId: member.userId },
        "invitation accepted",
      );

      const issued = await startSession(services, member, clientInfo(req));
      return sessionReply(services, res, issued, {
        status: 201,
        delivery: body.refreshTokenDelivery,
      });
    },
  });

  return [preview, accept];
}
