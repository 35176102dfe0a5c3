import { expect, test, type Page } from "@playwright/test";

import {
  chooseFromUserMenu,
  mainNav,
  newRegistration,
  signIn,
  signUp,
  withoutLiveUpdates,
} from "./support";

test("stays signed in across a reload, with the token in memory only", async ({
  page,
  context,
}) => {
  const registration = newRegistration();
  await signUp(page, registration);

  await page.reload();

  await expect(page).toHaveURL("/");
  await expect(
    page.getByRole("heading", { name: registration.organizationName }),
  ).toBeVisible();
  const storedItems = await page.evaluate(
    () => localStorage.length + sessionStorage.length,
  );
  expect(storedItems).toBe(0);
  const cookies = await context.cookies();
  const refresh = cookies.find((cookie) => cookie.name === "ares_refresh");
  expect(refresh).toMatchObject({
    httpOnly: true,
    sameSite: "Strict",
    path: "/api/auth",
  });
});

test("tabs reloading at the same moment take turns with the refresh cookie", async ({
  page,
  context,
}) => {
  const registration = newRegistration();
  await signUp(page, registration);
  const tabs = [page, await context.newPage(), await context.newPage()];
  const home = (tab: Page) =>
    tab.getByRole("heading", { name: registration.organizationName });

  // A refresh token works once; two tabs sending the same one would end
  // the session, so they must queue.
  await Promise.all(tabs.map((tab) => tab.goto("/")));
  for (const tab of tabs) {
    await expect(home(tab)).toBeVisible();
  }
  await Promise.all(tabs.map((tab) => tab.reload()));
  for (const tab of tabs) {
    await expect(home(tab)).toBeVisible();
  }
});

test("signing out in one tab signs out the other tabs", async ({
  page,
  context,
}) => {
  const registration = newRegistration();
  await signUp(page, registration);
  const otherTab = await context.newPage();
  await otherTab.goto("/profile");
  await expect(
    otherTab.getByRole("heading", { name: "Profile" }),
  ).toBeVisible();

  await chooseFromUserMenu(page, registration.name, "Sign out");

  await expect(page).toHaveURL("/login");
  await expect(otherTab).toHaveURL("/login");
});

test("signing out everywhere ends the sessions of other browsers", async ({
  page,
  browser,
  baseURL,
}) => {
  const registration = newRegistration();
  await signUp(page, registration);
  const otherBrowser = await browser.newContext({ baseURL });
  const otherPage = await otherBrowser.newPage();
  // This is about the next request being refused; a live connection would
  // sign the page out first (live.spec.ts covers that).
  await withoutLiveUpdates(otherPage);
  await signIn(otherPage, registration);

  await chooseFromUserMenu(page, registration.name, "Profile");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: "Sign out everywhere" })
    .click();
  await expect(page).toHaveURL("/login");

  await mainNav(otherPage).getByRole("link", { name: "Members" }).click();
  await expect(otherPage).toHaveURL("/login");

  await otherBrowser.close();
});
