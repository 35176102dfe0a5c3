import { expect, test } from "@playwright/test";

import {
  mainNav,
  newRegistration,
  registerThroughApi,
  signIn,
} from "./support";

test("the security log pages through events with Load more", async ({
  page,
  request,
}) => {
  const owner = newRegistration();
  await registerThroughApi(request, owner);
  // Sign-ins are logged; 50 of them, plus sign-up and the browser's own
  // sign-in, make one full page (50) and a second one.
  for (let batch = 0; batch < 5; batch += 1) {
    const signIns = Array.from({ length: 10 }, () =>
      request.post("/api/auth/login", {
        data: { email: owner.email, password: owner.password },
      }),
    );
    for (const response of await Promise.all(signIns)) {
      expect(response.status()).toBe(200);
    }
  }
  await signIn(page, owner);

  await mainNav(page).getByRole("link", { name: "Security" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(51);
  await expect(rows.nth(1)).toContainText("Signed in");

  await page.getByRole("button", { name: "Load more" }).click();

  await expect(rows).toHaveCount(53);
  await expect(rows.last()).toContainText("Organization created");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});
