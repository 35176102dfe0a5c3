import { isDeepStrictEqual } from "node:util";
import { sql, type RawBuilder } from "kysely";
import { AppError } from "../http/errors.js";

/**
 * A record whose every change raises its version by one, and which keeps
 * the version at which each field last changed.
 */
interface Versioned {
  version: number;
  field_versions: Record<string, number>;
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
   * Writes the changes with `version = current.version + 1` and the given
   * `field_versions` only where the version is still `current.version`;
   * undefined when it no longer is.
   */
  write: (
    current: Row,
    fieldVersions: RawBuilder<Record<string, number>>,
  ) => Promise<Row | undefined>;
}

/** The sent fields whose value differs from the record's. */
function changedFields<Row extends Versioned>(
  current: Row,
  changes: Partial<Row>,
): string[] {
  return Object.entries(changes)
    .filter(([field, value]) => {
      const held: unknown = current[field as keyof Row];
      return value !== undefined && !isDeepStrictEqual(held, value);
    })
    .map(([field]) => field);
}

function assertNoConflict(
  current: Versioned,
  baseVersion: number,
  fields: string[],
): void {
  if (baseVersion > current.version) {
    throw new AppError(
      "validation_failed",
      "baseVersion is newer than the record",
      [
        {
          path: "baseVersion",
          message: `The record is at version ${current.version}`,
        },
      ],
    );
  }
  const conflicting = fields.filter(
    (field) => (current.field_versions[field] ?? 0) > baseVersion,
  );
  if (conflicting.length > 0) {
    throw new AppError(
      "conflict",
      "Someone else changed this since you loaded it; reload and try again",
      conflicting.map((path) => ({
        path,
        message: `Changed at version ${String(current.field_versions[path])}, after ${baseVersion}`,
      })),
    );
  }
}

/** `field_versions` with each of `fields` stamped with `version`. */
function stamped(
  fields: string[],
  version: number,
): RawBuilder<Record<string, number>> {
  const patch = Object.fromEntries(fields.map((field) => [field, version]));
  return sql`field_versions || ${JSON.stringify(patch)}::jsonb`;
}

/**
 * Applies an update made from `baseVersion`, field by field: a field that
 * nobody changed since then is written even when others did change (a
 * merge); a field someone else changed since then, to another value than
 * the one sent, answers 409 naming it. The write is guarded by the version
 * it checked against: when a concurrent writer wins in between, the record
 * is reloaded and checked once more, and a second loss answers 409 too.
 * An update that changes nothing keeps the record and its version.
 */
export async function applyVersionedUpdate<Row extends Versioned>(
  current: Row,
  update: VersionedUpdate<Row>,
  writer: VersionedWriter<Row>,
): Promise<Row> {
  let record = current;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const fields = changedFields(record, update.changes);
    if (fields.length === 0) {
      return record;
    }
    assertNoConflict(record, update.baseVersion, fields);
    const written = await writer.write(
      record,
      stamped(fields, record.version + 1),
    );
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
