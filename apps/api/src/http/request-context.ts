import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { runWithContext } from "../context.js";

const acceptableRequestId = /^[\w.-]{1,64}$/;

/**
 * Takes the caller's X-Request-Id when it is well-formed, so a request can
 * be followed across services; otherwise makes one. Echoed in the response.
 */
export function assignRequestId(
  req: IncomingMessage,
  res: ServerResponse,
): string {
  const offered = req.headers["x-request-id"];
  const id =
    typeof offered === "string" && acceptableRequestId.test(offered)
      ? offered
      : crypto.randomUUID();
  res.setHeader("X-Request-Id", id);
  return id;
}

/**
 * Opens the request's AsyncLocalStorage context. It runs after the body is
 * parsed, because stream callbacks would not carry the context through.
 */
export const requestContext: RequestHandler = (req, _res, next) => {
  // assignRequestId above made the id, so it is always a string.
  runWithContext({ requestId: req.id as string, ip: req.ip }, next);
};
