import crypto from "node:crypto";
import type { Role } from "@ares/contracts";
import type { Identity } from "../context.js";
import { isUniqueViolation } from "../db/errors.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";

/** When an invitation sent now stops working. */
export function expiryFromNow(invitationDays: number): Date {
  return new Date(Date.now() + invitationDays * 86_400_000);
}

/** Refuses to invite someone who is already a member here. */
export async function assertNotMember(tx: Tx, email: string): Promise<void> {
  const member = await tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.id")
    .where("u.email", "=", email)
    .executeTakeFirst();
  if (member) {
    throw new AppError("conflict", "This person is already a member", [
      { path: "email", message: "Already a member of this organization" },
    ]);
  }
}

const pendingConflict = () =>
  new AppError("conflict", "This person already has a pending invitation", [
    { path: "email", message: "Resend or revoke the pending invitation" },
  ]);

/**
 * Makes room for a new invitation to `email`. A pending one is a conflict;
 * an expired one still holds the open slot (invitations_open_email_key),
 * so it is revoked and its id returned.
 */
export async function retireExpiredInvitation(
  tx: Tx,
  email: string,
): Promise<string | null> {
  const open = await tx
    .selectFrom("invitations")
    .select(["id", "expires_at"])
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!open) {
    return null;
  }
  if (open.expires_at > new Date()) {
    throw pendingConflict();
  }
  await tx
    .updateTable("invitations")
    .set({ revoked_at: new Date() })
    .where("id", "=", open.id)
    .execute();
  return open.id;
}

/** Stores a new invitation, keeping only the hash of its token. */
export async function insertInvitation(
  tx: Tx,
  sender: Identity,
  invitation: { email: string; role: Role; tokenHash: string; expiresAt: Date },
): Promise<string> {
  const id = crypto.randomUUID();
  await tx
    .insertInto("invitations")
    .values({
      tenant_id: sender.tenantId,
      id,
      email: invitation.email,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      invited_by: sender.userId,
      expires_at: invitation.expiresAt,
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    .execute();
  return id;
}

/** Two admins inviting the same address at once: the second gets a 409. */
export function pendingAsConflict(error: unknown): never {
  if (isUniqueViolation(error, "invitations_open_email_key")) {
    throw pendingConflict();
  }
  throw error;
}
