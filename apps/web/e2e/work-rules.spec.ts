import { expect, test } from "@playwright/test";

import {
  addMemberThroughApi,
  newEmail,
  newRegistration,
  registerThroughApi,
  signIn,
  withoutLiveUpdates,
} from "./support";
import {
  dragWithMouse,
  moveWithKeyboard,
  nextAnswer,
  postCreated,
  seedProject,
  seedTasks,
} from "./work-support";

test("a member who is not the assignee cannot move a task along; it goes back", async ({
  page,
  request,
}) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const { workspaceId, projectId } = await seedProject(request, accessToken);
  await seedTasks(request, accessToken, projectId, ["Pack the archive"]);
  const colleague = {
    name: "Grace Hopper",
    email: newEmail("grace"),
    password: "another long password",
    role: "member",
  };
  await addMemberThroughApi(request, accessToken, colleague);
  const members = await request.get("/api/members", {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const { members: list } = await members.json();
  const grace = list.find(
    (member: { user: { email: string } }) =>
      member.user.email === colleague.email,
  );
  await postCreated(
    request,
    accessToken,
    `/api/workspaces/${workspaceId}/members`,
    { userId: grace.user.id, role: "member" },
  );

  await signIn(page, colleague);
  await page.goto(`/projects/${projectId}`);
  const todo = page.getByRole("region", { name: "To do" });
  const inProgress = page.getByRole("region", { name: "In progress" });
  const refused = nextAnswer(page, "POST", /\/move$/);
  await dragWithMouse(
    page,
    todo.getByRole("button", { name: /Pack the archive/ }),
    inProgress,
  );

  expect((await refused).status()).toBe(403);
  await expect(
    page.getByText(
      "Only the assignee or a workspace admin can change this task's status",
    ),
  ).toBeVisible();
  await expect(todo.getByRole("listitem")).toHaveText([/Pack the archive/]);
  await expect(inProgress.getByRole("listitem")).toHaveCount(0);
});

test("the list pages through tasks with Load more", async ({
  page,
  request,
}) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const { projectId } = await seedProject(request, accessToken);
  const titles = Array.from({ length: 53 }, (_, n) => `Box ${String(n + 1)}`);
  await seedTasks(request, accessToken, projectId, titles);

  await signIn(page, owner);
  await page.goto(`/projects/${projectId}?view=list`);
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(51);
  await expect(rows.nth(1)).toContainText("Box 53");

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(54);
  await expect(rows.last()).toContainText("Box 1");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("a long conversation loads a page at a time", async ({
  page,
  request,
}) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const { projectId } = await seedProject(request, accessToken);
  const [taskId] = await seedTasks(request, accessToken, projectId, [
    "Plan the party",
  ]);
  for (let n = 1; n <= 52; n += 1) {
    await postCreated(request, accessToken, `/api/tasks/${taskId!}/comments`, {
      body: `Idea ${String(n)}`,
    });
  }

  await signIn(page, owner);
  await page.goto(`/projects/${projectId}/tasks/${taskId!}`);
  const comments = page
    .getByRole("region", { name: "Comments" })
    .getByRole("listitem");
  await expect(comments).toHaveCount(50);
  await expect(comments.first()).toContainText("Idea 1");

  await page.getByRole("button", { name: "Load more comments" }).click();
  await expect(comments).toHaveCount(52);
  await expect(comments.last()).toContainText("Idea 52");
  await expect(
    page.getByRole("button", { name: "Load more comments" }),
  ).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: "Show older activity" }),
  ).toBeVisible();
});

test("a list that failed to load offers to try again", async ({
  page,
  request,
}) => {
  const owner = newRegistration();
  await registerThroughApi(request, owner);
  await signIn(page, owner);
  let failing = true;
  await page.route("**/api/workspaces", (route) =>
    failing
      ? route.fulfill({
          status: 500,
          json: {
            error: {
              code: "internal",
              message: "Something went wrong on our side",
            },
          },
        })
      : route.continue(),
  );

  await page.goto("/workspaces");
  await expect(page.getByText("Could not load the workspaces")).toBeVisible({
    timeout: 10_000,
  });
  failing = false;
  await page.getByRole("button", { name: "Try again" }).click();

  await expect(page.getByText("No workspaces yet — create one")).toBeVisible();
});

test("a move that clashes with someone else's adopts where they put the task", async ({
  browser,
  request,
}) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const { projectId } = await seedProject(request, accessToken);
  await seedTasks(request, accessToken, projectId, ["Label the boxes"]);
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [mine, theirs] = await Promise.all(
    contexts.map((context) => context.newPage()),
  );
  // Live, their move would reach this board before the next one starts;
  // the clash needs a board that has not heard of it yet.
  await withoutLiveUpdates(mine!);
  for (const page of [mine!, theirs!]) {
    await signIn(page, owner);
    await page.goto(`/projects/${projectId}`);
    await expect(
      page.getByRole("button", { name: /Label the boxes/ }),
    ).toBeVisible();
  }

  const theirMove = nextAnswer(theirs!, "POST", /\/move$/);
  await dragWithMouse(
    theirs!,
    theirs!.getByRole("button", { name: /Label the boxes/ }),
    theirs!.getByRole("region", { name: "Done" }),
  );
  expect((await theirMove).status()).toBe(200);

  const myMove = nextAnswer(mine!, "POST", /\/move$/);
  await moveWithKeyboard(
    mine!,
    mine!.getByRole("button", { name: /Label the boxes/ }),
    "Label the boxes",
    "ArrowRight",
    /Moved Label the boxes to In progress/,
  );
  expect((await myMove).status()).toBe(409);

  await expect(
    mine!.getByText("OPS-1 was moved by someone else"),
  ).toBeVisible();
  await expect(
    mine!.getByRole("region", { name: "Done" }).getByRole("listitem"),
  ).toHaveText([/Label the boxes/]);
  await expect(
    mine!.getByRole("region", { name: "In progress" }).getByRole("listitem"),
  ).toHaveCount(0);
  await Promise.all(contexts.map((context) => context.close()));
});
