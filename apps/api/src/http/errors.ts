import type { ErrorCode, FieldIssue } from "@ares/contracts";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { isTransientConflict, isUnstorableText } from "../db/errors.js";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  organization_suspended: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
};

/** An error the client caused or may act on; its message is shown to them. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    /** Extra facts for the client, such as the two sides of a conflict. */
    readonly conflict?: unknown,
  ) {
    super(message);
    this.name = "AppError";
    this.status = statusByCode[code];
  }
}

export const notFound = (what = "Resource") =>
  new AppError("not_found", `${what} not found`);

/** Refuses anyone acting inside a suspended organization, whatever their role. */
export const organizationSuspended = () =>
  new AppError("organization_suspended", "This organization is suspended");

/** Turns a zod failure into the field list of a validation error. */
export function validationError(error: ZodError): AppError {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return new AppError("validation_failed", "Invalid request", details);
}

/** Errors thrown by express.json() and raw-body carry a `type`. */
function fromBodyParser(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null || !("type" in error)) {
    return undefined;
  }
  switch (error.type) {
    case "entity.parse.failed":
      return new AppError("bad_request", "The request body is not valid JSON");
    case "entity.too.large":
      return new AppError("payload_too_large", "The request body is too large");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError(
        "unsupported_media_type",
        "The request body encoding is not supported",
      );
    case "request.aborted":
    case "request.size.invalid":
      return new AppError("bad_request", "The request body was incomplete");
    default:
      return undefined;
  }
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) {
    return error;
  }
  if (error instanceof ZodError) {
    return validationError(error);
  }
  if (isUnstorableText(error)) {
    return new AppError(
      "bad_request",
      "The request contains a character that cannot be stored (NUL)",
    );
  }
  if (isTransientConflict(error)) {
    return new AppError(
      "service_unavailable",
      "A conflicting change was being saved at the same time; please try again",
    );
  }
  return fromBodyParser(error);
}

/** Answers every request no route claimed. */
export const unknownRoute: RequestHandler = (req) => {
  const path = req.originalUrl.split("?")[0];
  throw new AppError("not_found", `No route for ${req.method} ${path}`);
};

/**
 * The one place errors become responses. Known errors keep their code and
 * message; anything else is logged with its cause and answered as a
 * generic 500, so no stack trace or internal detail leaves the server.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const log = req.log;
  const known = toAppError(error);
  const appError =
    known ?? new AppError("internal", "Something went wrong on our side");
  if (!known) {
    log.error({ err: error, path: req.path }, "request failed");
  } else if (appError.status === 401 || appError.status === 403) {
    log.warn({ code: appError.code, path: req.path }, "access refused");
  } else if (appError.status === 503) {
    log.warn({ code: appError.code, path: req.path }, "request not served");
  } else {
    log.info({ code: appError.code, path: req.path }, "request refused");
  }
  const { code, message, details, conflict } = appError;
  res
    .status(appError.status)
    .json({ error: { code, message, details, conflict } });
};
