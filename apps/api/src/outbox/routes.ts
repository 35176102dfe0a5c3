import { errorEnvelopeSchema, outboxListSchema } from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { authorize } from "../policies/policy.js";
import { presentOutboxMessage } from "../presenters/outbox.js";
import type { Services } from "../services.js";

const pageSize = 50;

/**
 * The development outbox: mail kept instead of sent, readable by the
 * organization's admins. Off in production and whenever SMTP is set.
 */
export function outboxRoutes(services: Services): AnyRoute[] {
  const { db } = services;
  const enabled =
    services.mailer.mode === "outbox" && services.config.env !== "production";

  const list = defineRoute({
    method: "get",
    path: "/api/dev/outbox",
    summary: "Mail kept in the outbox for this organization, newest first",
    tag: "Development",
    access: "tenant",
    responses: {
      200: { description: "Up to 50 messages", schema: outboxListSchema },
      403: { description: "Only admins", schema: errorEnvelopeSchema },
      404: {
        description: "No outbox: mail is sent through SMTP, or in production",
        schema: errorEnvelopeSchema,
      },
    },
    async handler() {
      if (!enabled) {
        throw new AppError("not_found", "There is no outbox on this server");
      }
      const actor = requireIdentity();
      authorize(actor, { action: "outbox.read" });

      const messages = await tenantTransaction(db, (tx) =>
        tx
          .selectFrom("email_outbox")
          .selectAll()
          .where("organization_id", "=", actor.tenantId)
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .limit(pageSize)
          .execute(),
      );
      return {
        status: 200,
        body: { messages: messages.map(presentOutboxMessage) },
      };
    },
  });

  return [list];
}
