import type { ErrorCode, FieldIssue } from "@ares/contracts";

/** What an `ApiError` is built from. */
export interface ApiErrorInit {
  status: number;
  code: ErrorCode;
  message: string;
  fieldErrors?: Readonly<Record<string, string>>;
  /** Both sides of a versioned update's 409, checked by whoever reads it. */
  conflict?: unknown;
  cause?: unknown;
}

/** A failed API call: its HTTP status, stable code and per-field messages. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  readonly code: ErrorCode;
  /** Message per dotted field path, e.g. `{ email: "Enter a valid…" }`. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** On a 409 from a versioned update: the record now and the clashes. */
  readonly conflict: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? {};
    this.conflict = init.conflict;
  }
}

/** Keeps the first message reported for each field path. */
export function toFieldErrors(
  issues: readonly FieldIssue[],
): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of issues) {
    fieldErrors[path] ??= message;
  }
  return fieldErrors;
}
