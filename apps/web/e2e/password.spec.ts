import { expect, test } from "@playwright/test";

import { chooseFromUserMenu, newRegistration, signUp } from "./support";

test("answers a forgotten password the same whether or not it exists", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();

  await expect(page).toHaveURL("/forgot-password");
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Send reset link" }).click();

  await expect(
    page.getByText(
      "If an account exists for nobody-here@example.com, we sent a link",
    ),
  ).toBeVisible();
});

test("explains a reset link that no longer works", async ({ page }) => {
  await page.goto("/reset-password?token=made-up");
  await page
    .getByLabel("New password", { exact: true })
    .fill("a brand new password");
  await page.getByLabel("Confirm new password").fill("a brand new password");
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page.getByRole("alert")).toContainText(
    "invalid, expired or already used",
  );
});

test("changing the password puts the API's objections on their fields", async ({
  page,
}) => {
  const registration = newRegistration();
  await signUp(page, registration);
  await chooseFromUserMenu(page, registration.name, "Profile");
  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password");
  const submit = page.getByRole("button", { name: "Change password" });

  await current.fill("not my password");
  await next.fill("a brand new password");
  await submit.click();
  await expect(current).toHaveAccessibleDescription(
    "This is not your current password",
  );

  await current.fill(registration.password);
  await next.fill("qwertyuiop");
  await submit.click();
  await expect(next).toHaveAccessibleDescription(/too common/);

  await next.fill("a brand new password");
  await submit.click();
  await expect(
    page.getByText("Password changed. Your other sessions were signed out."),
  ).toBeVisible();
});
