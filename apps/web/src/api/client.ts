import {
  hasFreshAccessToken,
  readAccessToken,
  readAuthStatus,
} from "../auth/token-store";
import {
  endSuspendedSession,
  refreshSession,
  renewAccessToken,
} from "../auth/auth-session";
import { parseBody, readApiError, send } from "./http";
import type { RequestOptions, ResponseSchema } from "./http";

export type { ResponseSchema } from "./http";

/** Options for one API call. */
export interface ApiRequestOptions extends RequestOptions {
  /**
   * Sends no token, for public endpoints such as sign-in: their 401 means
   * wrong credentials, not an expired token worth renewing.
   */
  anonymous?: boolean;
}

/**
 * Calls `/api{path}` with the signed-in user's token and returns the body
 * checked against `schema`. Throws `ApiError` for any failure.
 */
export async function apiRequest<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: ApiRequestOptions = {},
): Promise<T> {
  const response = await sendWithSession(path, options);
  return parseBody(response, schema);
}

/** Calls an endpoint that answers without a body (202, 204). */
export async function apiCommand(
  path: string,
  options: ApiRequestOptions = {},
): Promise<void> {
  await sendWithSession(path, options);
}

/**
 * Sends with the current token; when the API rejects it (expired, or the
 * session was renewed elsewhere), renews it once and tries again.
 */
async function sendWithSession(
  path: string,
  options: ApiRequestOptions,
): Promise<Response> {
  const token = options.anonymous === true ? null : await currentToken();
  let response = await send(path, token, options);
  if (response.status === 401 && token !== null) {
    const renewed = await renewAccessToken(token);
    if (renewed !== null) {
      response = await send(path, renewed, options);
    }
  }
  if (!response.ok) {
    const error = await readApiError(response);
    // Every request of a suspended organization's session is refused: end
    // it, rather than show the same refusal in every part of every page.
    if (token !== null && error.code === "organization_suspended") {
      endSuspendedSession();
    }
    throw error;
  }
  return response;
}

/**
 * The token to send, to the API or in the live connection's handshake. One
 * that has outlived its lifetime (a sleeping laptop, a throttled background
 * tab) is renewed first rather than sent to fail.
 */
export async function currentToken(): Promise<string | null> {
  if (readAuthStatus() !== "signedIn" || hasFreshAccessToken()) {
    return readAccessToken();
  }
  try {
    return (await refreshSession()).accessToken;
  } catch {
    return readAccessToken();
  }
}
