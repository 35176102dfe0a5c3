import { expect, test } from "@playwright/test";

import {
  invitationLinkFor,
  mainNav,
  newEmail,
  newRegistration,
  registerThroughApi,
  signUp,
} from "./support";

test("an owner invites a colleague, who joins as a member", async ({
  page,
  browser,
}) => {
  const owner = newRegistration();
  const colleague = {
    name: "Grace Hopper",
    email: newEmail("grace"),
    password: "another long password",
  };
  await signUp(page, owner);

  await mainNav(page).getByRole("link", { name: "Members" }).click();
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email").fill(colleague.email);
  await inviteForm.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Member" }).click();
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(
    page.getByText(`Invitation sent to ${colleague.email}.`),
  ).toBeVisible();
  const invitations = page.getByRole("region", { name: "Invitations" });
  const invitationRow = invitations.getByRole("row", {
    name: new RegExp(colleague.email),
  });
  await expect(invitationRow).toContainText("Pending");

  await mainNav(page).getByRole("link", { name: "Outbox" }).click();
  const email = page.getByRole("article").filter({ hasText: colleague.email });
  const link = email.getByRole("link", { name: /\/accept-invite\?token=/ });
  const invitationUrl = await link.getAttribute("href");
  expect(invitationUrl).not.toBeNull();

  const colleagueBrowser = await browser.newContext();
  const colleaguePage = await colleagueBrowser.newPage();
  await colleaguePage.goto(invitationUrl ?? "");
  await expect(
    colleaguePage.getByRole("heading", {
      name: `Join ${owner.organizationName} as Member`,
    }),
  ).toBeVisible();
  await colleaguePage.getByLabel("Your name").fill(colleague.name);
  await colleaguePage
    .getByLabel("Choose a password", { exact: true })
    .fill(colleague.password);
  await colleaguePage
    .getByRole("button", { name: `Join ${owner.organizationName}` })
    .click();

  await expect(colleaguePage).toHaveURL(/\/$/);
  await expect(
    colleaguePage.getByRole("heading", { name: owner.organizationName }),
  ).toBeVisible();
  await expect(
    colleaguePage.getByText("Signed in as Grace Hopper"),
  ).toBeVisible();

  await mainNav(colleaguePage).getByRole("link", { name: "Members" }).click();
  const people = colleaguePage.getByRole("region", { name: "People" });
  await expect(
    people.getByRole("row", { name: new RegExp(owner.name) }),
  ).toContainText("Owner");
  await expect(
    people.getByRole("row", { name: new RegExp(colleague.name) }),
  ).toContainText("Member");
  await expect(colleaguePage.getByRole("combobox")).toHaveCount(0);
  await expect(
    colleaguePage.getByRole("button", { name: /^Remove / }),
  ).toHaveCount(0);
  await expect(
    colleaguePage.getByRole("form", { name: "Invite someone" }),
  ).toHaveCount(0);
  await expect(
    colleaguePage.getByRole("region", { name: "Invitations" }),
  ).toHaveCount(0);
  await expect(mainNav(colleaguePage).getByRole("link")).toHaveText([
    "Home",
    "Workspaces",
    "Members",
  ]);
  await colleagueBrowser.close();

  await mainNav(page).getByRole("link", { name: "Members" }).click();
  await page.reload();
  await expect(
    page.getByRole("combobox", { name: `Role of ${colleague.name}` }),
  ).toHaveValue("Member");
  await expect(invitationRow).toContainText("Accepted");
});

test("someone with an account joins a second organization and switches between them", async ({
  page,
  request,
}) => {
  const inviter = newRegistration();
  const invitee = { ...newRegistration(), organizationName: "Zeta Labs" };
  const accessToken = await registerThroughApi(request, inviter);
  await registerThroughApi(request, invitee);
  const invited = await request.post("/api/invites", {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { email: invitee.email, role: "admin" },
  });
  expect(invited.status()).toBe(201);
  const invitationUrl = await invitationLinkFor(
    request,
    accessToken,
    invitee.email,
  );

  await page.goto(invitationUrl);
  await expect(
    page.getByRole("heading", {
      name: `Join ${inviter.organizationName} as Admin`,
    }),
  ).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveCount(0);
  await page.getByLabel("Your password").fill(invitee.password);
  await page
    .getByRole("button", { name: `Join ${inviter.organizationName}` })
    .click();
  await expect(
    page.getByRole("heading", { name: inviter.organizationName }),
  ).toBeVisible();

  await page.getByRole("button", { name: /Switch organization/ }).click();
  await page.getByRole("menuitem", { name: /Zeta Labs/ }).click();

  await expect(page.getByRole("heading", { name: "Zeta Labs" })).toBeVisible();
  await expect(page.getByText("Owner", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Zeta Labs" })).toBeVisible();
});
