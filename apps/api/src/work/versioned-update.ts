import { isDeepStrictEqual } from "node:util";
import { AppError } from "../http/errors.js";

/** A record whose every change raises its version by one. */
interface Versioned {
  version: number;
}

/** An update as clients send it: the version they saw and the new values. */
export interface VersionedUpdate<Fields> {
  baseVersion: number;
  changes: Partial<Fields>;
}

/** How one resource reloads itself and writes a checked update. */
export interface VersionedWriter<Row extends Versioned> {
  /** Reads the record again, after another writer got in first. */
  reload: () => Promise<Row>;
  /**
   * Writes the changes with `version = current.version + 1` only where the
   * version is still `current.version`; undefined when it no longer is.
   */
  write: (current: Row) => Promise<Row | undefined>;
}

/**
 * The sent fields whose value on the server is not the one sent, when the
 * record is no longer at the version the update started from.
 */
function conflictingFields<Row extends Versioned>(
  current: Row,
  { baseVersion, changes }: VersionedUpdate<Row>,
): string[] {
  if (baseVersion === current.version) {
    return [];
  }
  return Object.entries(changes)
    .filter(([field, value]) => {
      const held: unknown = current[field as keyof Row];
      return value !== undefined && !isDeepStrictEqual(held, value);
    })
    .map(([field]) => field);
}

function assertNoConflict<Row extends Versioned>(
  current: Row,
  update: VersionedUpdate<Row>,
): void {
  const fields = conflictingFields(current, update);
  if (fields.length > 0) {
    throw new AppError(
      "conflict",
      "Someone else changed this since you loaded it; reload and try again",
      fields.map((path) => ({
        path,
        message: `Holds another value since version ${update.baseVersion}`,
      })),
    );
  }
}

/**
 * Applies an update made from `baseVersion`. Once the record has moved on
 * from that version, an update applies only when every field it sends
 * already holds the sent value; otherwise it answers 409 naming the fields
 * that differ. (Without a per-field history the server cannot tell which
 * of them someone else changed, so it lets the person decide.) The write
 * is guarded by the version it checked against: when a concurrent writer
 * wins in between, the record is reloaded and checked once more, and a
 * second loss answers 409 too. An update that sends no field keeps the
 * record and its version as they are.
 */
export async function applyVersionedUpdate<Row extends Versioned>(
  current: Row,
  update: VersionedUpdate<Row>,
  writer: VersionedWriter<Row>,
): Promise<Row> {
  const sent = Object.values(update.changes).some(
    (value) => value !== undefined,
  );
  if (!sent) {
    return current;
  }
  let record = current;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    assertNoConflict(record, update);
    const written = await writer.write(record);
    if (written) {
      return written;
    }
    record = await writer.reload();
  }
  throw new AppError(
    "conflict",
    "This is being changed by someone else right now; try again",
  );
}
