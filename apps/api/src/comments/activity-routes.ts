import {
  activityListSchema,
  errorEnvelopeSchema,
  idParamsSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
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
    summary: "A task's history of changes and comments, newest first",
    tag: "Activity",
    access: "tenant",
    params: idParamsSchema,
    responses: {
      200: { description: "Activity", schema: activityListSchema },
      404: {
        description: "No such task, or one you cannot see",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ params }) {
      const identity = requireIdentity();

      const rows = await tenantTransaction(db, async (tx) => {
        const { task } = await taskAccess(tx, identity, params.id);

        return listActivity(tx, task.id);
      });

      return { status: 200, body: { activity: rows.map(presentActivity) } };
    },
  });

  return [activity];
}
