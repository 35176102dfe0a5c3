/** PostgreSQL's SQLSTATE for a unique constraint violation. */
const uniqueViolation = "23505";

/** True when `error` is a unique violation, optionally of one constraint. */
export function isUniqueViolation(
  error: unknown,
  constraint?: string,
): boolean {
  if (typeof error !== "object" || error === null) {
    return false;
  }
  const { code } = error as { code?: unknown };
  if (code !== uniqueViolation) {
    return false;
  }
  if (!constraint) {
    return true;
  }
  const found =
    (error as { constraint?: unknown }).constraint ??
    (error as { message?: string }).message;
  return typeof found === "string" && found.includes(constraint);
}

/**
 * True when PostgreSQL refused text it cannot store: a NUL character in a
 * string (22021) or a \u0000 escape in JSON (22P05). Only input causes it.
 */
export function isUnstorableText(error: unknown): boolean {
  if (typeof error !== "object" || error === null) {
    return false;
  }
  const { code } = error as { code?: unknown };
  return code === "22021" || code === "22P05";
}

/**
 * True when PostgreSQL aborted a transaction only because of its timing:
 * a deadlock (40P01) or a serialization failure (40001). Run again, the
 * same transaction can succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) {
    return false;
  }
  const { code } = error as { code?: unknown };
  return code === "40P01" || code === "40001";
}
