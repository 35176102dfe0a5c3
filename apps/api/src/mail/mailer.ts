import crypto from "node:crypto";
import nodemailer from "nodemailer";
import type { Logger } from "../logger.js";
import type { Tx } from "../db/scope.js";

/** One message to one person. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The organization the message is about, if any (scopes the outbox). */
  organizationId?: string | undefined;
  /** The link the message carries, logged in outbox mode. */
  link?: string | undefined;
}

/**
 * Sends mail through SMTP when configured; otherwise keeps it in the
 * database outbox, where admins can read it in development.
 */
export interface Mailer {
  mode: "smtp" | "outbox";
  /**
   * Delivers inside the caller's transaction: if sending fails, the
   * change that asked for it rolls back too.
   */
  deliver(tx: Tx, mail: OutgoingMail): Promise<void>;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** Log outbox links, so a fresh install works without SMTP. */
  logLinks: boolean;
  logger: Logger;
}

/** Creates the mailer; a bad SMTP_URL fails here, at start-up. */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from, logger } = options;
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      mode: "smtp",
      async deliver(_tx, mail) {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        logger.info({ subject: mail.subject }, "email sent");
      },
    };
  }
  return {
    mode: "outbox",
    async deliver(tx, mail) {
      await tx
        .insertInto("email_outbox")
        .values({
          id: crypto.randomUUID(),
          organization_id: mail.organizationId ?? null,
          recipient: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
        })
        .execute();
      const link = options.logLinks ? mail.link : undefined;
      logger.info(
        { to: mail.to, subject: mail.subject, link },
        "email queued in outbox",
      );
    },
  };
}
