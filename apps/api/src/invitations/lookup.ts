import type { Database } from "../db/database.js";
import type { InvitationRow } from "../db/schema.js";
import { lookupTransaction } from "../db/scope.js";
import { AppError, organizationSuspended } from "../http/errors.js";
import { hashToken } from "../auth/secrets.js";
import { invitationStatus } from "../presenters/invitation.js";

/** An open invitation found by its link, before anyone is signed in. */
export interface FoundInvitation {
  invitation: InvitationRow;
  organization: { id: string; name: string };
  /** Whether the invited email already has an account (sign in to accept). */
  accountExists: boolean;
}

/** Refuses an invitation that can no longer be accepted, saying why. */
function assertOpen(invitation: InvitationRow): void {
  const status = invitationStatus(invitation);
  switch (status) {
    case "pending":
      return;
    case "accepted":
      throw new AppError(
        "bad_request",
        "This invitation has already been used; sign in instead",
      );
    case "revoked":
      throw new AppError(
        "bad_request",
        "This invitation was withdrawn; ask whoever invited you for a new one",
      );
    case "expired":
      throw new AppError(
        "bad_request",
        "This invitation has expired; ask for a new one",
      );
  }
}

/**
 * Finds the invitation a link's token points at. Row-level security shows
 * only that invitation, its organization and the account of its email. A
 * token that matches nothing, altered or made up, is simply not found.
 */
export async function findOpenInvitation(
  db: Database,
  token: string,
): Promise<FoundInvitation> {
  const lookupHash = hashToken(token);
  const found = await lookupTransaction(db, { lookupHash }, (tx) =>
    tx
      .selectFrom("invitations as i")
      .innerJoin("organizations as o", "o.id", "i.tenant_id")
      .selectAll("i")
      .select("o.name as organizationName")
      .select("o.suspended_at as organizationSuspendedAt")
      .where("i.token_hash", "=", lookupHash)
      .executeTakeFirst(),
  );
  if (!found) {
    throw new AppError("not_found", "This invitation link is not valid");
  }
  const { organizationName, organizationSuspendedAt, ...invitation } = found;
  assertOpen(invitation);
  if (organizationSuspendedAt) {
    throw organizationSuspended();
  }

  const loginEmail = invitation.email;
  const account = await lookupTransaction(
    db,
    { lookupHash, loginEmail },
    (tx) =>
      tx
        .selectFrom("users")
        .select("id")
        .where("email", "=", loginEmail)
        .executeTakeFirst(),
  );
  return {
    invitation,
    organization: { id: invitation.tenant_id, name: organizationName },
    accountExists: account !== undefined,
  };
}
