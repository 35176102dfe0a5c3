import { sql, type RawBuilder } from "kysely";
import { AppError } from "../http/errors.js";

/**
 * A position in a list ordered by (time, id). The time is kept in
 * microseconds since 1970, PostgreSQL's own precision: a JavaScript Date
 * would round it to milliseconds and skip rows.
 */
export interface KeysetPosition {
  micros: string;
  id: string;
}

const microsPattern = /^\d{1,16}$/;
const uuidPattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Wraps a position into the opaque cursor clients pass back. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.micros}|${position.id}`).toString("base64url");
}

/** Reads a cursor back; anything this server did not make is a 400. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [time = "", id = "", ...rest] = Buffer.from(cursor, "base64url")
    .toString()
    .split("|");
  if (!microsPattern.test(time) || !uuidPattern.test(id) || rest.length > 0) {
    throw new AppError("validation_failed", "Invalid request", [
      { path: "cursor", message: "This cursor is not valid; start over" },
    ]);
  }
  return { micros: time, id };
}

/** A timestamp column in whole microseconds since 1970, exactly, as text. */
export function microsOf(timeColumn: string): RawBuilder<string> {
  return sql<string>`(extract(epoch from ${sql.ref(timeColumn)}) * 1000000)::bigint::text`;
}

/**
 * Rows on the far side of `position` in (time, id) order: later ones when
 * the list goes forwards in time, earlier ones when it goes backwards.
 */
export function beyond(
  columns: { time: string; id: string },
  direction: "forwards" | "backwards",
  position: KeysetPosition,
): RawBuilder<boolean> {
  const comparison = sql.raw(direction === "forwards" ? ">" : "<");
  return sql<boolean>`(${sql.ref(columns.time)}, ${sql.ref(columns.id)}) ${comparison} (
    timestamptz 'epoch' + ${position.micros}::bigint * interval '1 microsecond',
    ${position.id}::uuid)`;
}

/**
 * Splits the `limit + 1` rows a page query fetched into the page and the
 * cursor of the next one (null when this is the last).
 */
export function pageOf<Row extends { micros: string; id: string }>(
  rows: Row[],
  limit: number,
): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
