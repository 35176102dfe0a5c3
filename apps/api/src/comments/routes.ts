import {
  commentListSchema,
  commentSchema,
  createCommentRequestSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  pageQuerySchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { decodeCursor, pageOf } from "../db/keyset.js";
import { tenantTransaction } from "../db/scope.js";
import { eventNames } from "../realtime/events.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentComment } from "../presenters/comment.js";
import type { Services } from "../services.js";
import { hiddenAs, requireRight, taskAccess } from "../work/access.js";
import { addComment, findComment, listComments } from "./queries.js";

const refused = { description: "Not allowed", schema: errorEnvelopeSchema };

const noTask = {
  description: "No such task, or one you cannot see",
  schema: errorEnvelopeSchema,
};

/** The conversation on a task: read, add, delete comments. */
export function commentRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const list = defineRoute({
    method: "get",
    path: "/api/tasks/:id/comments",
    summary: "A task's comments, oldest first, by page",
    tag: "Comments",
    access: "tenant",
    params: idParamsSchema,
    query: pageQuerySchema,
    responses: {
      200: { description: "One page of comments", schema: commentListSchema },
      400: { description: "Invalid cursor", schema: errorEnvelopeSchema },
      404: noTask,
    },
    async handler({ params, query }) {
      const identity = requireIdentity();
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;

      const rows = await tenantTransaction(db, async (tx) => {
        const { task } = await taskAccess(tx, identity, params.id);

        return listComments(tx, task.id, { limit: query.limit, after });
      });

      const { rows: comments, nextCursor } = pageOf(rows, query.limit);
      return {
        status: 200,
        body: { comments: comments.map(presentComment), nextCursor },
      };
    },
  });

  const create = defineRoute({
    method: "post",
    path: "/api/tasks/:id/comments",
    summary: "Comment on a task",
    tag: "Comments",
    access: "tenant",
    params: idParamsSchema,
    body: createCommentRequestSchema,
    responses: {
      201: { description: "The new comment", schema: commentSchema },
      403: refused,
      404: noTask,
    },
    async handler({ params, body }) {
      const identity = requireIdentity();

      const comment = await tenantTransaction(db, async (tx) => {
        const access = await taskAccess(tx, identity, params.id);
        requireRight(access.canContribute, "Viewers cannot comment");

        const added = await addComment(tx, identity, {
          taskId: access.task.id,
          body: body.body,
        });
        services.events.publish(tx, {
          organizationId: identity.tenantId,
          audience: { kind: "project", projectId: access.project.id },
          name: eventNames.commentCreated,
          data: presentComment(added),
          version: added.version,
          actorId: identity.userId,
        });
        return added;
      });

      return { status: 201, body: presentComment(comment) };
    },
  });

  const remove = defineRoute({
    method: "delete",
    path: "/api/comments/:id",
    summary: "Delete a comment: your own, or any as a workspace admin",
    tag: "Comments",
    access: "tenant",
    params: idParamsSchema,
    responses: {
      204: { description: "Deleted" },
      403: refused,
      404: {
        description: "No such comment, or one you cannot see",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ params }) {
      const identity = requireIdentity();

      await tenantTransaction(db, async (tx) => {
        const comment = await findComment(tx, params.id);
        const access = await taskAccess(tx, identity, comment.task_id).catch(
          hiddenAs("Comment"),
        );
        const isAuthor = comment.author_id === identity.userId;
        requireRight(
          access.canManage || (isAuthor && access.canContribute),
          "Only its author or a workspace admin can delete this comment",
        );

        await tx.deleteFrom("comments").where("id", "=", comment.id).execute();
        services.events.publish(tx, {
          organizationId: identity.tenantId,
          audience: { kind: "project", projectId: access.project.id },
          name: eventNames.commentDeleted,
          data: { id: comment.id, taskId: comment.task_id },
          version: comment.version,
          actorId: identity.userId,
        });
      });

      return { status: 204 };
    },
  });

  return [list, create, remove];
}
