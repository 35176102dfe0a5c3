import type { OutboxMessage } from "@ares/contracts";
import type { Selectable } from "kysely";
import type { EmailOutboxTable } from "../db/schema.js";

type OutboxRow = Pick<
  Selectable<EmailOutboxTable>,
  "id" | "recipient" | "subject" | "text_body" | "created_at"
>;

/** A message kept in the outbox; the text part only, for reading. */
export function presentOutboxMessage(message: OutboxRow): OutboxMessage {
  return {
    id: message.id,
    to: message.recipient,
    subject: message.subject,
    text: message.text_body,
    createdAt: message.created_at.toISOString(),
  };
}
