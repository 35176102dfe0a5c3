import type {
  Invitation,
  InvitationPreview,
  InvitationStatus,
} from "@ares/contracts";
import type { InvitationRow, UserRow } from "../db/schema.js";
import { presentUser } from "./session.js";

type StatusFields = Pick<
  InvitationRow,
  "accepted_at" | "revoked_at" | "expires_at"
>;

/** Where an invitation stands; a used or withdrawn one never expires. */
export function invitationStatus(
  invitation: StatusFields,
  now = new Date(),
): InvitationStatus {
  if (invitation.accepted_at) {
    return "accepted";
  }
  if (invitation.revoked_at) {
    return "revoked";
  }
  return invitation.expires_at <= now ? "expired" : "pending";
}

/** An invitation with the account that sent it, if still visible. */
export type InvitationWithInviter = InvitationRow & {
  inviter: Pick<UserRow, "id" | "email" | "name"> | null;
};

/** An invitation as admins see it; never its token or hash. */
export function presentInvitation(
  invitation: InvitationWithInviter,
): Invitation {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
    invitedBy: invitation.inviter ? presentUser(invitation.inviter) : null,
    createdAt: invitation.created_at.toISOString(),
    expiresAt: invitation.expires_at.toISOString(),
    lastSentAt: invitation.last_sent_at.toISOString(),
  };
}

/** What the person holding an invitation link may see before accepting. */
export function presentInvitationPreview(found: {
  invitation: Pick<InvitationRow, "email" | "role" | "expires_at">;
  organization: { id: string; name: string };
  accountExists: boolean;
}): InvitationPreview {
  return {
    organization: {
      id: found.organization.id,
      name: found.organization.name,
    },
    email: found.invitation.email,
    role: found.invitation.role,
    accountExists: found.accountExists,
    expiresAt: found.invitation.expires_at.toISOString(),
  };
}
