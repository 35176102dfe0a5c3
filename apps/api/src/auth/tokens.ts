import { errors, jwtVerify, SignJWT } from "jose";
import { roleSchema, type Role } from "@ares/contracts";
import { z } from "zod";
import type { Identity } from "../context.js";
import { AppError } from "../http/errors.js";

const issuer = "ares";
const audience = "ares-api";
const tokenType = "at+jwt";
const algorithm = "HS256";

/** How long an access token lives, in seconds. */
export const accessTokenTtl = 15 * 60;

const claimsSchema = z.object({
  sub: z.uuid(),
  tid: z.uuid(),
  role: roleSchema,
  sid: z.uuid(),
});

/** Signs and verifies access tokens with one pinned algorithm and key. */
export interface TokenService {
  issue(identity: Identity): Promise<string>;
  verify(token: string): Promise<Identity>;
}

/** Creates the token service; the key must hold at least 256 bits. */
export function createTokenService(secret: string): TokenService {
  const key = new TextEncoder().encode(secret);
  if (key.byteLength < 32) {
    throw new Error("The token signing key must be at least 32 bytes");
  }
  return {
    issue(identity: Identity): Promise<string> {
      return new SignJWT({
        tid: identity.tenantId,
        role: identity.role,
        sid: identity.sessionId,
      })
        .setProtectedHeader({ alg: algorithm, typ: tokenType })
        .setSubject(identity.userId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${accessTokenTtl}s`)
        .sign(key);
    },

    async verify(token: string): Promise<Identity> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [algorithm],
          issuer,
          audience,
          typ: tokenType,
          requiredClaims: ["exp", "iat", "sub"],
        });
        const claims = claimsSchema.parse(payload);
        const role: Role = claims.role;
        return {
          userId: claims.sub,
          tenantId: claims.tid,
          role,
          sessionId: claims.sid,
        };
      } catch (error) {
        const expired = error instanceof errors.JWTExpired;
        throw new AppError(
          "unauthenticated",
          expired
            ? "The access token has expired"
            : "The access token is invalid",
        );
      }
    },
  };
}
