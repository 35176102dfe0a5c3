import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

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
