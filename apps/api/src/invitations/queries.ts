import { jsonObjectFrom } from "kysely/helpers/postgres";
import { beyond, microsOf, type KeysetPosition } from "../db/keyset.js";
import type { Tx } from "../db/scope.js";
import { notFound } from "../http/errors.js";
import type { InvitationWithInviter } from "../presenters/invitation.js";

function selectInvitations(tx: Tx) {
  return tx
    .selectFrom("invitations as i")
    .selectAll("i")
    .select((eb) =>
      jsonObjectFrom(
        eb
          .selectFrom("users as u")
          .select(["u.id", "u.email", "u.name"])
          .whereRef("u.id", "=", "i.invited_by"),
      ).as("inviter"),
    );
}

/**
 * A page of the current organization's invitations, newest first, plus
 * one more row to tell whether another page follows. An inviter who has
 * since left is no longer visible to the organization, so shows as null.
 */
export function listInvitations(
  tx: Tx,
  page: { limit: number; after: KeysetPosition | undefined },
): Promise<(InvitationWithInviter & { micros: string })[]> {
  let query = selectInvitations(tx)
    .select(microsOf("i.created_at").as("micros"))
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(page.limit + 1);
  if (page.after) {
    query = query.where(
      beyond({ time: "i.created_at", id: "i.id" }, "backwards", page.after),
    );
  }
  return query.execute();
}

/** One invitation of the current organization; 404 for any other id. */
export async function findInvitation(
  tx: Tx,
  id: string,
): Promise<InvitationWithInviter> {
  const invitation = await selectInvitations(tx)
    .where("i.id", "=", id)
    .executeTakeFirst();
  if (!invitation) {
    throw notFound("Invitation");
  }
  return invitation;
}

/** Locks one invitation of the current organization for a change. */
export async function lockInvitation(tx: Tx, tenantId: string, id: string) {
  const invitation = await tx
    .selectFrom("invitations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!invitation) {
    throw notFound("Invitation");
  }
  return invitation;
}
