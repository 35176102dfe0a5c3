import {
  authResponseSchema,
  sessionSchema,
  type AuthResponse,
  type LoginRequest,
  type RegisterRequest,
  type Session,
} from "@ares/contracts";

import { apiRequest } from "./client";

/** Creates an organization with its first owner and signs them in. */
export function register(input: RegisterRequest): Promise<AuthResponse> {
  return apiRequest("/auth/register", authResponseSchema, {
    method: "POST",
    body: input,
  });
}

/** Signs in with email and password. */
export function logIn(input: LoginRequest): Promise<AuthResponse> {
  return apiRequest("/auth/login", authResponseSchema, {
    method: "POST",
    body: input,
  });
}

/** Loads who is signed in, in which organization, with which role. */
export function fetchSession(signal?: AbortSignal): Promise<Session> {
  return apiRequest("/me", sessionSchema, { signal });
}

/** The session part of a sign-in answer, so `/api/me` need not be asked. */
export function sessionFromAuth(auth: AuthResponse): Session {
  return {
    user: auth.user,
    organization: auth.organization,
    role: auth.role,
  };
}
