import crypto from "node:crypto";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Identity } from "../context.js";
import { beyond, microsOf, type KeysetPosition } from "../db/keyset.js";
import type { CommentRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { notFound } from "../http/errors.js";
import type { ActivityWithActor } from "../presenters/activity.js";
import type { CommentWithAuthor } from "../presenters/comment.js";

/** One page: up to `limit` rows after `after`, plus one to tell if more follow. */
export interface PageRequest {
  limit: number;
  after: KeysetPosition | undefined;
}

/** Comments with their authors, ready for `presentComment`. */
function selectComments(tx: Tx) {
  return tx
    .selectFrom("comments as c")
    .selectAll("c")
    .select(microsOf("c.created_at").as("micros"))
    .select((eb) =>
      jsonObjectFrom(
        eb
          .selectFrom("users as u")
          .select(["u.id", "u.email", "u.name"])
          .whereRef("u.id", "=", "c.author_id"),
      ).as("author"),
    );
}

/** A page of a task's comments, oldest first. */
export function listComments(
  tx: Tx,
  taskId: string,
  page: PageRequest,
): Promise<(CommentWithAuthor & { micros: string })[]> {
  let query = selectComments(tx)
    .where("c.task_id", "=", taskId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(page.limit + 1);
  if (page.after) {
    query = query.where(
      beyond({ time: "c.created_at", id: "c.id" }, "forwards", page.after),
    );
  }
  return query.execute();
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

/**
 * A page of a task's history, newest first, with who acted when still
 * visible. The rows of one change share its time, so (time, id) orders
 * them as well as the version would.
 */
export function listActivity(
  tx: Tx,
  taskId: string,
  page: PageRequest,
): Promise<(ActivityWithActor & { micros: string })[]> {
  let query = tx
    .selectFrom("task_activity as a")
    .selectAll("a")
    .select(microsOf("a.created_at").as("micros"))
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
    .orderBy("a.id", "desc")
    .limit(page.limit + 1);
  if (page.after) {
    query = query.where(
      beyond({ time: "a.created_at", id: "a.id" }, "backwards", page.after),
    );
  }
  return query.execute();
}
