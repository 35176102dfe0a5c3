import { randomUUID } from "node:crypto";

import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** What the sign-up form asks for. */
export interface Registration {
  organizationName: string;
  name: string;
  email: string;
  password: string;
}

/** A registration no earlier run has used, so tests never collide. */
export function newRegistration(): Registration {
  const id = randomUUID();
  return {
    organizationName: `Acme ${id.slice(0, 8)}`,
    name: "Ada Lovelace",
    email: `ada-${id}@example.com`,
    password: "correct horse battery",
  };
}

/** An email address no earlier run has used. */
export function newEmail(name: string): string {
  return `${name}-${randomUUID()}@example.com`;
}

/** Types a registration into the sign-up page's fields. */
export async function fillSignupForm(
  page: Page,
  registration: Registration,
): Promise<void> {
  await page
    .getByLabel("Organization name")
    .fill(registration.organizationName);
  await page.getByLabel("Your name").fill(registration.name);
  await page.getByLabel("Email").fill(registration.email);
  await page
    .getByLabel("Password", { exact: true })
    .fill(registration.password);
}

/** Signs up through the page and waits for the organization's home. */
export async function signUp(
  page: Page,
  registration: Registration,
): Promise<void> {
  await page.goto("/signup");
  await fillSignupForm(page, registration);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL("/");
  await expect(
    page.getByRole("heading", { name: registration.organizationName }),
  ).toBeVisible();
}

/** Signs in through the page and waits for the home page. */
export async function signIn(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password", { exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/");
}

/** Opens the user menu of `name` and picks one of its items. */
export async function chooseFromUserMenu(
  page: Page,
  name: string,
  item: string,
): Promise<void> {
  await page.getByRole("button", { name }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/**
 * Cuts `page` off from live updates, as when its connection lags behind:
 * its socket never reaches the server, so it learns of other people's
 * changes only from the answers to its own requests. Call before the page
 * opens the app.
 */
export async function withoutLiveUpdates(page: Page): Promise<void> {
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    void socket.close();
  });
}

/** The main navigation in the header. */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

/** An organization made through the API, with its owner's access token. */
export async function registerThroughApi(
  request: APIRequestContext,
  registration: Registration,
): Promise<string> {
  const registered = await request.post("/api/auth/register", {
    data: registration,
  });
  expect(registered.status()).toBe(201);
  const { accessToken } = await registered.json();
  return accessToken as string;
}

/** The invitation link the dev outbox holds for `email`. */
export async function invitationLinkFor(
  request: APIRequestContext,
  accessToken: string,
  email: string,
): Promise<string> {
  const outbox = await request.get("/api/dev/outbox", {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const { messages } = await outbox.json();
  const message = messages.find((sent: { to: string }) => sent.to === email);
  const link = /http\S+accept-invite\?token=\S+/.exec(message?.text ?? "");
  if (link === null) {
    throw new Error(`No invitation for ${email} in the outbox`);
  }
  return link[0];
}

/** Invites a new person through the API and accepts for them. */
export async function addMemberThroughApi(
  request: APIRequestContext,
  accessToken: string,
  person: { name: string; email: string; password: string; role: string },
): Promise<void> {
  const invited = await request.post("/api/invites", {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { email: person.email, role: person.role },
  });
  expect(invited.status()).toBe(201);
  const link = await invitationLinkFor(request, accessToken, person.email);
  const token = new URL(link).searchParams.get("token");
  const accepted = await request.post("/api/invites/accept", {
    data: { token, name: person.name, password: person.password },
  });
  expect(accepted.status()).toBe(201);
}
