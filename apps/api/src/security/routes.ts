import {
  errorEnvelopeSchema,
  securityEventListSchema,
  securityEventQuerySchema,
} from "@ares/contracts";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import { requireIdentity } from "../auth/authenticate.js";
import {
  beyond,
  decodeCursor,
  microsOf,
  pageOf,
  type KeysetPosition,
} from "../db/keyset.js";
import { tenantTransaction, type Tx } from "../db/scope.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { authorize } from "../policies/policy.js";
import { presentSecurityEvent } from "../presenters/security-event.js";
import type { Services } from "../services.js";

/**
 * One page of the current organization's events, newest first, plus one
 * more row to tell whether another page follows. An actor who has left
 * the organization is no longer visible to it, so shows as null.
 */
function selectPage(tx: Tx, limit: number, after: KeysetPosition | undefined) {
  let query = tx
    .selectFrom("security_events as e")
    .select([
      "e.id",
      "e.type",
      "e.target_user_id",
      "e.ip",
      "e.request_id",
      "e.details",
      "e.created_at",
    ])
    .select(microsOf("e.created_at").as("micros"))
    .select((eb) =>
      jsonObjectFrom(
        eb
          .selectFrom("users as u")
          .select(["u.id", "u.email", "u.name"])
          .whereRef("u.id", "=", "e.actor_user_id"),
      ).as("actor"),
    )
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .limit(limit + 1);
  if (after) {
    query = query.where(
      beyond({ time: "e.created_at", id: "e.id" }, "backwards", after),
    );
  }
  return query.execute();
}

/** The organization's security log, for its admins. */
export function securityEventRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const list = defineRoute({
    method: "get",
    path: "/api/security-events",
    summary: "The organization's security events, newest first, by page",
    tag: "Security",
    access: "tenant",
    query: securityEventQuerySchema,
    responses: {
      200: { description: "One page", schema: securityEventListSchema },
      403: { description: "Only admins", schema: errorEnvelopeSchema },
    },
    async handler({ query }) {
      const actor = requireIdentity();
      authorize(actor, { action: "securityEvent.list" });
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;

      const rows = await tenantTransaction(db, (tx) =>
        selectPage(tx, query.limit, after),
      );

      const { rows: events, nextCursor } = pageOf(rows, query.limit);
      return {
        status: 200,
        body: { events: events.map(presentSecurityEvent), nextCursor },
      };
    },
  });

  return [list];
}
