import { AppError } from "../http/errors.js";

/**
 * A position in a list ordered by (created_at, id), newest first. The time
 * is kept in microseconds since 1970, PostgreSQL's own precision: a
 * JavaScript Date would round it to milliseconds and skip rows.
 */
export interface KeysetPosition {
  micros: string;
  id: string;
}

const micros = /^\d{1,16}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Wraps a position into the opaque cursor clients pass back. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.micros}|${position.id}`).toString("base64url");
}

/** Reads a cursor back; anything this server did not make is a 400. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [time = "", id = "", ...rest] = Buffer.from(cursor, "base64url")
    .toString()
    .split("|");
  if (!micros.test(time) || !uuid.test(id) || rest.length > 0) {
    throw new AppError("validation_failed", "Invalid request", [
      { path: "cursor", message: "This cursor is not valid; start over" },
    ]);
  }
  return { micros: time, id };
}
