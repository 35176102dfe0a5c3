import { errorEnvelopeSchema, type ErrorCode } from "@ares/contracts";

import { ApiError, toFieldErrors } from "./api-error";

/** Anything that checks and types a JSON body, such as a zod schema. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

/** Options for one API call. */
export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON when present. */
  body?: unknown;
  signal?: AbortSignal;
}

const genericMessage = "Something went wrong. Please try again.";

/**
 * Sends one request to `/api{path}`, with `token` as bearer when given.
 * Network failures become an `ApiError` with status 0; HTTP failures are
 * returned as they are, for the caller to read.
 */
export async function send(
  path: string,
  token: string | null,
  { method = "GET", body, signal }: RequestOptions,
): Promise<Response> {
  const headers = new Headers({ Accept: "application/json" });
  if (body !== undefined) {
    headers.set("Content-Type", "application/json");
  }
  if (token !== null) {
    headers.set("Authorization", `Bearer ${token}`);
  }
  const init: RequestInit = { method, headers, signal };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(`/api${path}`, init);
  } catch (cause) {
    if (signal?.aborted === true) {
      throw cause;
    }
    throw new ApiError({
      status: 0,
      code: "service_unavailable",
      message: "Could not reach Ares. Check your connection and try again.",
      cause,
    });
  }
}

/** Turns a failed response into an `ApiError`, envelope or not. */
export async function readApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    return new ApiError({
      status: response.status,
      code: codeForStatus(response.status),
      message: genericMessage,
    });
  }
  const { code, message, details = [], conflict } = envelope.data.error;
  return new ApiError({
    status: response.status,
    code,
    message,
    fieldErrors: toFieldErrors(details),
    conflict,
  });
}

/** Reads a successful JSON body, checked against `schema`. */
export async function parseBody<T>(
  response: Response,
  schema: ResponseSchema<T>,
): Promise<T> {
  try {
    return schema.parse(await response.json());
  } catch (cause) {
    throw new ApiError({
      status: response.status,
      code: "internal",
      message: genericMessage,
      cause,
    });
  }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 429:
      return "rate_limited";
    case 502:
    case 503:
    case 504:
      return "service_unavailable";
    default:
      return status < 500 ? "bad_request" : "internal";
  }
}
