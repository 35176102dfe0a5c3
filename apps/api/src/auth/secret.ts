import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/**
 * The key that signs access tokens. Production must set AUTH_SECRET; an
 * embedded install makes one on first start and keeps it in DATA_DIR, so
 * sign-ins survive a restart.
 */
export function resolveAuthSecret(config: Config, logger: Logger): string {
  if (config.authSecret) {
    return config.authSecret;
  }
  if (config.env === "production") {
    throw new Error("AUTH_SECRET must be set in production");
  }
  const file = path.join(config.dataDir, "auth-secret");
  if (fs.existsSync(file)) {
    return fs.readFileSync(file, "utf8").trim();
  }
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  logger.warn(
    { file },
    "AUTH_SECRET is not set; generated a local signing key",
  );
  return secret;
}
