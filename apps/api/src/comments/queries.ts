import crypto from "node:crypto";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Identity } from "../context.js";
import type { CommentRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { notFound } from "../http/errors.js";
import type { ActivityWithActor } from "../presenters/activity.js";
import type { CommentWithAuthor } from "../presenters/comment.js";

/** Comments with their authors, ready for `presentComment`. */
function selectComments(tx: Tx) {
  return tx
    .selectFrom("comments as c")
    .selectAll("c")
    .select((eb) =>
      jsonObjectFrom(
        eb
          .selectFrom("users as u")
          .select(["u.id", "u.email", "u.name"])
          .whereRef("u.id", "=", "c.author_id"),
      ).as("author"),
    );
}

/** A task's comments, oldest first. */
export function listComments(
  tx: Tx,
  taskId: string,
): Promise<CommentWithAuthor[]> {
  return selectComments(tx)
    .where("c.task_id", "=", taskId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
}

/** One comment, without its author; 404 when it is not there. */
export async function findComment(
  tx: Tx,
  commentId: string,
): Promise<CommentRow> {
  const comment = await tx
    .selectFrom("comments")
    .selectAll()
    .where("id", "=", commentId)
    .executeTakeFirst();
  if (!comment) {
    throw notFound("Comment");
  }
  return comment;
}

/**
 * Adds a comment to a task and records it in the task's history at the
 * task's version, which is read under a share lock so a concurrent edit
 * cannot slip between the two.
 */
export async function addComment(
  tx: Tx,
  identity: Identity,
  comment: { taskId: string; body: string },
): Promise<CommentWithAuthor> {
  const task = await tx
    .selectFrom("tasks")
    .select("version")
    .where("id", "=", comment.taskId)
    .forShare()
    .executeTakeFirst();
  if (!task) {
    throw notFound("Task");
  }
  const id = crypto.randomUUID();
  await tx
    .insertInto("comments")
    .values({
      tenant_id: identity.tenantId,
      id,
      task_id: comment.taskId,
      author_id: identity.userId,
      body: comment.body,
    })
    .execute();
  await tx
    .insertInto("task_activity")
    .values({
      tenant_id: identity.tenantId,
      task_id: comment.taskId,
      version: task.version,
      actor_id: identity.userId,
      kind: "commented",
      field: null,
      from_value: null,
      to_value: JSON.stringify({ commentId: id }),
    })
    .execute();
  return selectComments(tx).where("c.id", "=", id).executeTakeFirstOrThrow();
}

/** A task's history, newest first, with who acted when still visible. */
export function listActivity(
  tx: Tx,
  taskId: string,
): Promise<ActivityWithActor[]> {
  return tx
    .selectFrom("task_activity as a")
    .selectAll("a")
    .select((eb) =>
      jsonObjectFrom(
        eb
          .selectFrom("users as u")
          .select(["u.id", "u.email", "u.name"])
          .whereRef("u.id", "=", "a.actor_id"),
      ).as("actor"),
    )
    .where("a.task_id", "=", taskId)
    .orderBy("a.created_at", "desc")
    .orderBy("a.version", "desc")
    .orderBy("a.id")
    .execute();
}
