import { expect, test } from "@playwright/test";

import {
  addMemberThroughApi,
  mainNav,
  newEmail,
  newRegistration,
  registerThroughApi,
  signIn,
  signUp,
} from "./support";

test("shows the server's refusal to demote the last owner", async ({
  page,
}) => {
  const owner = newRegistration();
  await signUp(page, owner);
  await mainNav(page).getByRole("link", { name: "Members" }).click();
  const ownRole = page.getByRole("combobox", { name: `Role of ${owner.name}` });

  await ownRole.click();
  await page.getByRole("option", { name: "Admin" }).click();

  await expect(
    page.getByText("The last owner cannot be demoted"),
  ).toBeVisible();
  await expect(ownRole).toHaveValue("Owner");
});

test("an owner changes a member's role, then removes them", async ({
  page,
  request,
}) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const colleague = {
    name: "Grace Hopper",
    email: newEmail("grace"),
    password: "another long password",
    role: "member",
  };
  await addMemberThroughApi(request, accessToken, colleague);
  await signIn(page, owner);
  await mainNav(page).getByRole("link", { name: "Members" }).click();
  const role = page.getByRole("combobox", { name: "Role of Grace Hopper" });
  await expect(role).toHaveValue("Member");

  await role.click();
  await page.getByRole("option", { name: "Viewer" }).click();
  await expect(page.getByText("Grace Hopper is now Viewer.")).toBeVisible();
  await expect(role).toHaveValue("Viewer");

  await page.getByRole("button", { name: "Remove Grace Hopper" }).click();
  await page
    .getByRole("dialog", { name: "Remove Grace Hopper?" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByText("Grace Hopper was removed.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Grace Hopper/ })).toHaveCount(0);
});

test("an admin cannot grant the owner role", async ({ page, request }) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const admin = {
    name: "Alan Turing",
    email: newEmail("alan"),
    password: "yet another long password",
    role: "admin",
  };
  await addMemberThroughApi(request, accessToken, admin);
  await signIn(page, admin);
  await mainNav(page).getByRole("link", { name: "Members" }).click();

  await expect(
    page.getByRole("combobox", { name: `Role of ${owner.name}` }),
  ).toBeDisabled();
  await page.getByRole("combobox", { name: "Role", exact: true }).click();
  await expect(
    page.getByRole("option", { name: "Owner above your role" }),
  ).toHaveAttribute("data-combobox-disabled", "true");
  await expect(page.getByRole("option", { name: "Admin" })).not.toHaveAttribute(
    "data-combobox-disabled",
  );
});
