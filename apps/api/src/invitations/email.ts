import type { Role } from "@ares/contracts";
import type { Identity } from "../context.js";
import type { Tx } from "../db/scope.js";
import { actionEmail } from "../mail/templates.js";
import type { Services } from "../services.js";

const asRole: Record<Role, string> = {
  owner: "an owner",
  admin: "an admin",
  member: "a member",
  viewer: "a viewer",
};

/** Names typed by people go into a header here: keep them on one line. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The link an invitee opens; it carries only the opaque token. */
function invitationLink(appUrl: string, token: string): string {
  return `${appUrl}/accept-invite?token=${token}`;
}

/**
 * Emails an invitation link from `sender`, inside the caller's transaction:
 * when sending fails, the invitation is not kept either.
 */
export async function sendInvitationEmail(
  services: Services,
  tx: Tx,
  sender: Identity,
  invitation: { email: string; role: Role; token: string },
): Promise<void> {
  const { config, mailer } = services;
  const { organization, inviter } = await tx
    .selectFrom("organizations as o")
    .innerJoin("users as u", (join) => join.on("u.id", "=", sender.userId))
    .select(["o.name as organization", "u.name as inviter"])
    .where("o.id", "=", sender.tenantId)
    .executeTakeFirstOrThrow();
  const link = invitationLink(config.appUrl, invitation.token);
  const days = config.invitationDays;
  const lifetime = days === 1 ? "one day" : `${days} days`;

  await mailer.deliver(tx, {
    to: invitation.email,
    subject: oneLine(`${inviter} invited you to ${organization} on Ares`),
    organizationId: sender.tenantId,
    link,
    ...actionEmail({
      lines: [
        "Hello,",
        `${inviter} invited you to join ${organization} on Ares as ${asRole[invitation.role]}.`,
      ],
      action: "Accept the invitation",
      link,
      footer:
        `The link works once and expires in ${lifetime}. ` +
        "If you did not expect this invitation, you can ignore this email.",
    }),
  });
}
