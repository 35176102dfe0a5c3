import {
  authResponseSchema,
  myOrganizationsSchema,
  sessionSchema,
  type AuthResponse,
  type ForgotPasswordRequest,
  type LoginRequest,
  type MyOrganization,
  type RegisterRequest,
  type ResetPasswordRequest,
  type Session,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

/** Creates an organization with its first owner and signs them in. */
export function register(input: RegisterRequest): Promise<AuthResponse> {
  return apiRequest("/auth/register", authResponseSchema, {
    anonymous: true,
    method: "POST",
    body: input,
  });
}

/** Signs in with email and password, optionally into one organization. */
export function logIn(input: LoginRequest): Promise<AuthResponse> {
  return apiRequest("/auth/login", authResponseSchema, {
    anonymous: true,
    method: "POST",
    body: input,
  });
}

/** Ends this browser's session on the server and clears its cookie. */
export function logOut(): Promise<void> {
  return apiCommand("/auth/logout", { method: "POST" });
}

/** Ends every session of the signed-in person, on every device. */
export function logOutEverywhere(): Promise<void> {
  return apiCommand("/auth/logout-all", { method: "POST" });
}

/** Loads who is signed in, in which organization, with which role. */
export function fetchSession(signal?: AbortSignal): Promise<Session> {
  return apiRequest("/me", sessionSchema, { signal });
}

/** The organizations the signed-in person belongs to. */
export async function fetchMyOrganizations(
  signal?: AbortSignal,
): Promise<MyOrganization[]> {
  const list = await apiRequest("/auth/organizations", myOrganizationsSchema, {
    signal,
  });
  return list.organizations;
}

/** Enters another of the person's organizations with a new access token. */
export function switchOrganization(
  organizationId: string,
): Promise<AuthResponse> {
  return apiRequest("/auth/switch", authResponseSchema, {
    method: "POST",
    body: { organizationId },
  });
}

/** Asks for a reset link; the answer is the same whether or not it exists. */
export function requestPasswordReset(
  input: ForgotPasswordRequest,
): Promise<void> {
  return apiCommand("/auth/password/forgot", {
    anonymous: true,
    method: "POST",
    body: input,
  });
}

/** Sets a new password with the token from a reset link. */
export function resetPassword(input: ResetPasswordRequest): Promise<void> {
  return apiCommand("/auth/password/reset", {
    anonymous: true,
    method: "POST",
    body: input,
  });
}

/** The session part of a sign-in answer, so `/api/me` need not be asked. */
export function sessionFromAuth(auth: AuthResponse): Session {
  return {
    user: auth.user,
    organization: auth.organization,
    role: auth.role,
  };
}
