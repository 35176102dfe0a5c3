import crypto from "node:crypto";
import type { Role } from "@ares/contracts";
import { sql } from "kysely";
import { runAsIdentity } from "../context.js";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import type { InvitationRow } from "../db/schema.js";
import { tenantTransaction, type Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Invitee } from "./invitee.js";

/** A new member: who, where, and with which role. */
export interface NewMember {
  userId: string;
  tenantId: string;
  role: Role;
}

/**
 * Marks the invitation used, if it still can be. The row lock makes a
 * second, concurrent accept wait, then find it used.
 */
async function claim(tx: Tx, invitation: InvitationRow): Promise<void> {
  const claimed = await tx
    .updateTable("invitations")
    .set({ accepted_at: sql<Date>`now()` })
    .where("tenant_id", "=", invitation.tenant_id)
    .where("id", "=", invitation.id)
    .where("token_hash", "=", invitation.token_hash)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) {
    throw new AppError("bad_request", "This invitation has already been used");
  }
}

/** Creates the account, or checks an existing one is not a member yet. */
async function admit(tx: Tx, email: string, invitee: Invitee): Promise<void> {
  if (invitee.kind === "new") {
    await tx
      .insertInto("users")
      .values({
        id: invitee.userId,
        email,
        name: invitee.name,
        password_hash: invitee.passwordHash,
      })
      .execute();
    return;
  }
  const membership = await tx
    .selectFrom("memberships")
    .select("user_id")
    .where("user_id", "=", invitee.userId)
    .executeTakeFirst();
  if (membership) {
    throw new AppError(
      "conflict",
      "You are already a member of this organization; sign in instead",
    );
  }
}

function accountTaken(error: unknown): never {
  if (isUniqueViolation(error, "users_email_key")) {
    throw new AppError(
      "conflict",
      "An account with this email now exists; accept with its password",
    );
  }
  throw error;
}

/**
 * Makes the invitee a member with the invitation's role and marks the
 * invitation used, in one transaction of the invitation's organization.
 * The invitation, found by its token, is what proves the tenant here; the
 * invitee chooses neither the organization nor the role.
 */
export async function acceptInvitation(
  db: Database,
  invitation: InvitationRow,
  invitee: Invitee,
): Promise<NewMember> {
  const member: NewMember = {
    userId: invitee.userId,
    tenantId: invitation.tenant_id,
    role: invitation.role,
  };
  const scope = { ...member, sessionId: crypto.randomUUID() };

  await runAsIdentity(scope, () =>
    tenantTransaction(db, async (tx) => {
      await claim(tx, invitation);
      await admit(tx, invitation.email, invitee);
      await tx
        .insertInto("memberships")
        .values({
          tenant_id: member.tenantId,
          user_id: member.userId,
          role: member.role,
        })
        .execute();
      await tx
        .updateTable("invitations")
        .set({ accepted_by: member.userId })
        .where("tenant_id", "=", member.tenantId)
        .where("id", "=", invitation.id)
        .execute();
      await recordSecurityEvent(tx, {
        type: "invitation.accepted",
        organizationId: member.tenantId,
        actorUserId: member.userId,
        targetUserId: member.userId,
        details: { invitationId: invitation.id, role: member.role },
      });
    }),
  ).catch(accountTaken);

  return member;
}
