import type { RequestHandler } from "express";
import { bindIdentity, currentContext, type Identity } from "../context.js";
import type { Database } from "../db/database.js";
import { AppError } from "../http/errors.js";
import { currentRole } from "./sessions.js";
import type { TokenService } from "./tokens.js";

function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? "");
  if (!match?.[1]) {
    throw new AppError("unauthenticated", "Sign in to continue");
  }
  return match[1];
}

/**
 * Verifies the bearer token, checks that its session is still open and its
 * user still a member, and binds that identity, with the role held now, to
 * the request. The tenant of every later query comes from here.
 */
export function createAuthenticate(
  tokens: TokenService,
  db: Database,
): RequestHandler {
  return async function authenticate(req, _res, next) {
    const claimed = await tokens.verify(bearerToken(req.headers.authorization));
    const role = await currentRole(db, claimed);
    bindIdentity({ ...claimed, role });
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
