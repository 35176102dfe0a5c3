import type { RequestHandler } from "express";
import { bindIdentity, currentContext, type Identity } from "../context.js";
import { AppError } from "../http/errors.js";
import type { TokenService } from "./tokens.js";

function bearerToken(header: string | undefined): string {
  const match = header?.match(/^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/);
  if (!match?.[1]) {
    throw new AppError("unauthenticated", "Sign in to continue");
  }
  return match[1];
}

/**
 * Verifies the bearer token and binds its identity to the request. The
 * tenant of every later query comes from here and nowhere else.
 */
export function createAuthenticate(tokens: TokenService): RequestHandler {
  return async function authenticate(req, _res, next) {
    const identity = await tokens.verify(
      bearerToken(req.headers.authorization),
    );
    bindIdentity(identity);
    next();
  };
}

/** The verified identity of the current request; 401 when there is none. */
export function requireIdentity(): Identity {
  const identity = currentContext()?.identity;
  if (!identity) {
    throw new AppError("unauthenticated", "Sign in to continue");
  }
  return identity;
}
