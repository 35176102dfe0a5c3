import {
  sessionSchema,
  type ChangePasswordRequest,
  type Session,
  type UpdateProfileRequest,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

/** Changes the signed-in person's display name. */
export function updateProfile(input: UpdateProfileRequest): Promise<Session> {
  return apiRequest("/me", sessionSchema, { method: "PATCH", body: input });
}

/** Changes the password; the server signs out the person's other sessions. */
export function changePassword(input: ChangePasswordRequest): Promise<void> {
  return apiCommand("/me/password", { method: "POST", body: input });
}
