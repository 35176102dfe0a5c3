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
