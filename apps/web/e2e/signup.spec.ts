import { expect, test } from "@playwright/test";

import {
  chooseFromUserMenu,
  fillSignupForm,
  newRegistration,
  signIn,
  signUp,
} from "./support";

test("signs up, keeps signed-in users off /login and signs back in", async ({
  page,
}) => {
  const registration = newRegistration();

  await signUp(page, registration);
  const orgHeading = page.getByRole("heading", {
    name: registration.organizationName,
  });

  await page.goto("/login");
  await expect(page).toHaveURL("/");
  await expect(orgHeading).toBeVisible();

  await chooseFromUserMenu(page, registration.name, "Sign out");
  await expect(page).toHaveURL("/login");

  await signIn(page, registration);
  await expect(orgHeading).toBeVisible();
});

test("sends visitors who are not signed in to the sign-in page", async ({
  page,
}) => {
  await page.goto("/");

  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("shows field errors for a short password and a registered email", async ({
  page,
  request,
}) => {
  const taken = newRegistration();
  const registered = await request.post("/api/auth/register", { data: taken });
  expect(registered.status()).toBe(201);
  const registerCalls: string[] = [];
  page.on("request", (sent) => {
    if (sent.url().endsWith("/api/auth/register")) {
      registerCalls.push(sent.url());
    }
  });

  await page.goto("/signup");
  await fillSignupForm(page, { ...newRegistration(), email: taken.email });
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("short");
  await page.getByRole("button", { name: "Create organization" }).click();

  await expect(password).toHaveAccessibleDescription(
    "Use at least 10 characters",
  );
  expect(registerCalls).toHaveLength(0);

  await password.fill("a long enough password");
  await page.getByRole("button", { name: "Create organization" }).click();

  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
    "This email is already registered",
  );
  expect(registerCalls).toHaveLength(1);
  await expect(page).toHaveURL("/signup");
});
