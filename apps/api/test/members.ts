import type { AuthResponse, Role } from "@ares/contracts";
import { expect } from "vitest";
import { uniqueEmail, type TestHttp } from "./harness.js";

/** The token of the invitation link in an email's text or HTML. */
export function invitationToken(body: string): string {
  const match = /\/accept-invite\?token=([\w-]+)/.exec(body);
  if (!match?.[1]) {
    throw new Error("No invitation link in the message");
  }
  return match[1];
}

/** Sends an invitation as `admin` and expects it to be created. */
export async function invite(
  http: TestHttp,
  admin: AuthResponse,
  role: Role,
  email = uniqueEmail("invitee"),
) {
  const response = await http
    .post("/api/invites")
    .set("Authorization", `Bearer ${admin.accessToken}`)
    .send({ email, role });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { email, invitation: response.body as { id: string } };
}

/** The token of the newest outbox invitation to `email`, read by `admin`. */
export async function outboxToken(
  http: TestHttp,
  admin: AuthResponse,
  email: string,
): Promise<string> {
  const response = await http
    .get("/api/dev/outbox")
    .set("Authorization", `Bearer ${admin.accessToken}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const messages = response.body.messages as { to: string; text: string }[];
  const message = messages.find((candidate) => candidate.to === email);
  if (!message) {
    throw new Error(`No outbox message to ${email}`);
  }
  return invitationToken(message.text);
}

/**
 * Brings a new person into `admin`'s organization with `role`, the way a
 * person would: invitation, link from the outbox, accept. Returns their
 * signed-in session.
 */
export async function joinByInvitation(
  http: TestHttp,
  admin: AuthResponse,
  role: Role,
  name = "Nia Newcomer",
): Promise<AuthResponse & { password: string }> {
  const { email } = await invite(http, admin, role);
  const token = await outboxToken(http, admin, email);
  const password = "a long and quiet river";
  const response = await http
    .post("/api/invites/accept")
    .send({ token, name, password });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...(response.body as AuthResponse), password };
}
