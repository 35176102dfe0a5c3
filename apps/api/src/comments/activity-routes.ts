import {
  activityListSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  pageQuerySchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { decodeCursor, pageOf } from "../db/keyset.js";
import { tenantTransaction } from "../db/scope.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentActivity } from "../presenters/activity.js";
import type { Services } from "../services.js";
import { taskAccess } from "../work/access.js";
import { listActivity } from "./queries.js";

/**
 * A task's history. The task routes write its "created", "updated" and
 * "moved" rows and the comment routes its "commented" ones; this reads them.
 */
export function activityRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const activity = defineRoute({
    method: "get",
    path: "/api/tasks/:id/activity",
    summary: "A task's history of changes and comments, newest first, by page",
    tag: "Activity",
    access: "tenant",
    params: idParamsSchema,
    query: pageQuerySchema,
    responses: {
      200: { description: "One page of activity", schema: activityListSchema },
      400: { description: "Invalid cursor", schema: errorEnvelopeSchema },
      404: {
        description: "No such task, or one you cannot see",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ params, query }) {
      const identity = requireIdentity();
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;

      const rows = await tenantTransaction(db, async (tx) => {
        const { task } = await taskAccess(tx, identity, params.id);

        return listActivity(tx, task.id, { limit: query.limit, after });
      });

      const { rows: activity, nextCursor } = pageOf(rows, query.limit);
      return {
        status: 200,
        body: { activity: activity.map(presentActivity), nextCursor },
      };
    },
  });

  return [activity];
}
