import { jsonObjectFrom } from "kysely/helpers/postgres";
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
 * The current organization's invitations, newest first. An inviter who
 * has since left is no longer visible to the organization, so shows as
 * null.
 */
export function listInvitations(tx: Tx): Promise<InvitationWithInviter[]> {
  return selectInvitations(tx)
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .execute();
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
