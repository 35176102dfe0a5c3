import crypto from "node:crypto";

/** A new random token for a link or a refresh: 256 bits, URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** How a token is stored and looked up: never the token itself. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
