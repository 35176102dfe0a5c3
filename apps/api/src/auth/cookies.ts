import type { Request, Response } from "express";
import type { Config } from "../config.js";

/** The cookie that carries the web app's refresh token. */
export const refreshCookieName = "ares_refresh";

// Sent only to the endpoints that use it, never readable by scripts, and
// never on cross-site requests.
function cookieOptions(config: Config) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: config.appUrl.startsWith("https://"),
    path: "/api/auth",
  };
}

export function setRefreshCookie(
  res: Response,
  config: Config,
  token: string,
): void {
  res.cookie(refreshCookieName, token, {
    ...cookieOptions(config),
    maxAge: config.sessionDays * 86_400_000,
  });
}

export function clearRefreshCookie(res: Response, config: Config): void {
  res.clearCookie(refreshCookieName, cookieOptions(config));
}

/** The refresh token from the cookie, when the client sent one. */
export function refreshCookie(req: Request): string | undefined {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[refreshCookieName];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
