import { randomUUID } from "node:crypto";

import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";

import {
  addMemberThroughApi,
  chooseFromUserMenu,
  newEmail,
  newRegistration,
  registerThroughApi,
  signIn,
} from "./support";
import {
  dragWithMouse,
  nextAnswer,
  postCreated,
  seedProject,
  seedTasks,
} from "./work-support";

/** How long a change may take to reach another browser. */
const live = { timeout: 10_000 };

/**
 * An organization whose owner made a project with one task, and added a
 * colleague (Grace Hopper, a member) to the project's workspace.
 */
async function seedTeam(request: APIRequestContext, taskTitle: string) {
  const owner = newRegistration();
  const ownerToken = await registerThroughApi(request, owner);
  const { workspaceId, projectId } = await seedProject(request, ownerToken);
  const [taskId] = await seedTasks(request, ownerToken, projectId, [taskTitle]);
  const colleague = {
    name: "Grace Hopper",
    email: newEmail("grace"),
    password: "another long password",
    role: "member",
  };
  await addMemberThroughApi(request, ownerToken, colleague);
  const members = await request.get("/api/members", {
    headers: { Authorization: `Bearer ${ownerToken}` },
  });
  const { members: list } = await members.json();
  const grace = list.find(
    (member: { user: { email: string } }) =>
      member.user.email === colleague.email,
  );
  await postCreated(
    request,
    ownerToken,
    `/api/workspaces/${workspaceId}/members`,
    { userId: grace.user.id, role: "member" },
  );
  return {
    owner,
    ownerToken,
    colleague: { ...colleague, id: grace.user.id as string },
    workspaceId,
    projectId,
    taskId: taskId!,
  };
}

/** A page in a browser context of its own: another person's browser. */
async function newBrowserPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** `person` signed in, in a browser of their own, on the page at `path`. */
async function openAs(
  browser: Browser,
  person: Parameters<typeof signIn>[1],
  path: string,
): Promise<Page> {
  const page = await newBrowserPage(browser);
  await signIn(page, person);
  await page.goto(path);
  return page;
}

/**
 * Holds `page`'s next move of a task on its way to the server: `held`
 * resolves once it is sent, and `release` lets it go on.
 */
async function holdMoves(page: Page) {
  let release = () => {};
  let sent = () => {};
  const held = new Promise<void>((resolve) => {
    sent = resolve;
  });
  await page.route(/\/api\/tasks\/[^/]+\/move$/, async (route) => {
    sent();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    await route.continue();
  });
  return {
    held,
    release: () => {
      release();
    },
  };
}

/**
 * Counts the WebSocket frames `page` receives that mention any of
 * `texts`. Attach it before the page opens the app.
 */
function countFramesMentioning(page: Page, texts: string[]): () => number {
  let count = 0;
  page.on("websocket", (socket) => {
    socket.on("framereceived", ({ payload }) => {
      const frame = payload.toString();
      if (texts.some((text) => frame.includes(text))) {
        count += 1;
      }
    });
  });
  return () => count;
}

test("a colleague sees changes and who is here live; another organization hears nothing", async ({
  browser,
  request,
}) => {
  const marker = randomUUID().slice(0, 8);
  const team = await seedTeam(request, `Book movers ${marker}`);
  const stranger = { ...newRegistration(), name: "Carol Shaw" };
  const strangerToken = await registerThroughApi(request, stranger);
  const theirs = await seedProject(request, strangerToken);
  await seedTasks(request, strangerToken, theirs.projectId, ["Order boxes"]);

  const ada = await newBrowserPage(browser);
  const grace = await newBrowserPage(browser);
  const carol = await newBrowserPage(browser);
  const framesAtGrace = countFramesMentioning(grace, [marker]);
  const framesAtCarol = countFramesMentioning(carol, [marker, team.projectId]);
  await signIn(grace, team.colleague);
  await grace.goto(`/projects/${team.projectId}`);
  const graceTodo = grace.getByRole("region", { name: "To do" });
  await expect(graceTodo.getByText(`Book movers ${marker}`)).toBeVisible();
  await signIn(carol, stranger);
  await carol.goto(`/projects/${theirs.projectId}`);
  await expect(carol.getByText("Order boxes")).toBeVisible();
  await signIn(ada, team.owner);
  await ada.goto(`/projects/${team.projectId}/tasks/${team.taskId}`);
  const panel = ada.getByRole("dialog", { name: "OPS-1" });
  await expect(panel.getByLabel("Title")).toHaveValue(`Book movers ${marker}`);

  await expect(
    grace.getByRole("group", {
      name: "Also viewing this project: Ada Lovelace",
    }),
  ).toBeVisible(live);
  await graceTodo.getByRole("button", { name: /Book movers/ }).click();
  const onTask = panel.getByRole("group", {
    name: "Also viewing this task: Grace Hopper",
  });
  await expect(onTask).toBeVisible(live);
  await grace.getByRole("button", { name: "Close the task" }).click();
  await expect(onTask).toHaveCount(0, live);

  const renamed = nextAnswer(ada, "PATCH", /\/api\/tasks\/[^/]+$/);
  await panel.getByLabel("Title").fill(`Book movers for Friday ${marker}`);
  await panel.getByLabel("Title").press("Enter");
  expect((await renamed).status()).toBe(200);
  await expect(
    graceTodo.getByText(`Book movers for Friday ${marker}`),
  ).toBeVisible(live);

  await panel.getByRole("button", { name: "Close the task" }).click();
  const moved = nextAnswer(ada, "POST", /\/move$/);
  await dragWithMouse(
    ada,
    ada.getByRole("button", { name: /Book movers for Friday/ }),
    ada.getByRole("region", { name: "Done" }),
  );
  expect((await moved).status()).toBe(200);
  await expect(
    grace.getByRole("region", { name: "Done" }).getByRole("listitem"),
  ).toHaveText([/Book movers for Friday/], live);
  await expect(graceTodo.getByRole("listitem")).toHaveCount(0);

  await grace.getByRole("tab", { name: "List" }).click();
  await expect(grace.getByRole("row")).toHaveCount(2);
  const todo = ada.getByRole("region", { name: "To do" });
  await todo.getByRole("button", { name: "Add a task to To do" }).click();
  await todo.getByLabel("New task in To do").fill(`Hire a van ${marker}`);
  await todo.getByLabel("New task in To do").press("Enter");
  await expect(
    grace.getByRole("row", { name: new RegExp(`Hire a van ${marker}`) }),
  ).toBeVisible(live);

  expect(framesAtGrace()).toBeGreaterThan(0);
  expect(framesAtCarol()).toBe(0);
  await expect(carol.getByText(marker)).toHaveCount(0);
  await expect(carol.getByRole("group", { name: /Also viewing/ })).toHaveCount(
    0,
  );
  await Promise.all([ada, grace, carol].map((page) => page.context().close()));
});

test("a colleague who was offline catches up without reloading", async ({
  browser,
  request,
}) => {
  const team = await seedTeam(request, "Pack the archive");
  const ada = await newBrowserPage(browser);
  const grace = await newBrowserPage(browser);
  for (const [page, person] of [
    [grace, team.colleague],
    [ada, team.owner],
  ] as const) {
    await signIn(page, person);
    await page.goto(`/projects/${team.projectId}`);
    await expect(page.getByText("Pack the archive")).toBeVisible();
  }
  await expect(
    ada.getByRole("group", {
      name: "Also viewing this project: Grace Hopper",
    }),
  ).toBeVisible(live);

  await grace.context().setOffline(true);
  const headers = { Authorization: `Bearer ${team.ownerToken}` };
  const renamed = await request.patch(`/api/tasks/${team.taskId}`, {
    headers,
    data: { baseVersion: 1, title: "Pack the archive today" },
  });
  expect(renamed.status()).toBe(200);
  const moved = await request.post(`/api/tasks/${team.taskId}/move`, {
    headers,
    data: { baseVersion: 2, status: "done" },
  });
  expect(moved.status()).toBe(200);
  const adaDone = ada.getByRole("region", { name: "Done" });
  await expect(adaDone.getByText("Pack the archive today")).toBeVisible(live);
  await expect(
    grace
      .getByRole("region", { name: "To do" })
      .getByText("Pack the archive", { exact: true }),
  ).toBeVisible();

  await grace.context().setOffline(false);
  // The client waits a few seconds between attempts while offline.
  const graceDone = grace.getByRole("region", { name: "Done" });
  await expect(graceDone.getByText("Pack the archive today")).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    grace.getByRole("region", { name: "To do" }).getByRole("listitem"),
  ).toHaveCount(0);
  await Promise.all([ada, grace].map((page) => page.context().close()));
});

test("a task someone deletes while your move of it is on its way stays deleted", async ({
  browser,
  request,
}) => {
  const team = await seedTeam(request, "Return the keys");
  const ada = await openAs(browser, team.owner, `/projects/${team.projectId}`);
  const todo = ada.getByRole("region", { name: "To do" });
  const card = todo.getByRole("button", { name: /Return the keys/ });
  await expect(card).toBeVisible();

  // Hold Ada's move until her colleague's deletion has reached her board.
  const move = await holdMoves(ada);
  const moved = nextAnswer(ada, "POST", /\/move$/);
  await dragWithMouse(ada, card, ada.getByRole("region", { name: "Done" }));
  await move.held;
  const deleted = await request.delete(`/api/tasks/${team.taskId}`, {
    headers: { Authorization: `Bearer ${team.ownerToken}` },
  });
  expect(deleted.status()).toBe(204);
  const cards = ada
    .getByRole("listitem")
    .filter({ hasText: "Return the keys" });
  await expect(cards).toHaveCount(0, live);

  move.release();
  expect((await moved).status()).toBe(404);
  await expect(ada.getByText("OPS-1 is gone")).toBeVisible();
  await expect(cards).toHaveCount(0);
  await ada.context().close();
});

test("a move on its way stays in place while someone's edit of the task arrives", async ({
  browser,
  request,
}) => {
  const team = await seedTeam(request, "Pack the lamps");
  const ada = await openAs(browser, team.owner, `/projects/${team.projectId}`);
  const todo = ada.getByRole("region", { name: "To do" });
  const done = ada.getByRole("region", { name: "Done" });
  const card = todo.getByRole("button", { name: /Pack the lamps/ });
  await expect(card).toBeVisible();

  const move = await holdMoves(ada);
  const moved = nextAnswer(ada, "POST", /\/move$/);
  await dragWithMouse(ada, card, done);
  await move.held;
  const renamed = await request.patch(`/api/tasks/${team.taskId}`, {
    headers: { Authorization: `Bearer ${team.ownerToken}` },
    data: { baseVersion: 1, title: "Pack the lamps in paper" },
  });
  expect(renamed.status()).toBe(200);

  await expect(done.getByText("Pack the lamps in paper")).toBeVisible(live);
  await expect(todo.getByRole("listitem")).toHaveCount(0);
  move.release();
  expect((await moved).status()).toBe(200);
  await expect(done.getByText("Pack the lamps in paper")).toBeVisible();
  await expect(todo.getByRole("listitem")).toHaveCount(0);
  await ada.context().close();
});

test("someone taken out of a workspace loses its project's page at once", async ({
  browser,
  request,
}) => {
  const team = await seedTeam(request, "Label the crates");
  const grace = await openAs(
    browser,
    team.colleague,
    `/projects/${team.projectId}`,
  );
  await expect(grace.getByText("Label the crates")).toBeVisible();

  const removed = await request.delete(
    `/api/workspaces/${team.workspaceId}/members/${team.colleague.id}`,
    { headers: { Authorization: `Bearer ${team.ownerToken}` } },
  );
  expect(removed.status()).toBe(204);

  await expect(grace.getByText("Could not open this project")).toBeVisible(
    live,
  );
  await expect(grace.getByText("Label the crates")).toHaveCount(0);
  await grace.context().close();
});

test("a colleague sees a deleted comment and a deleted project go", async ({
  browser,
  request,
}) => {
  const team = await seedTeam(request, "Sort the cables");
  const headers = { Authorization: `Bearer ${team.ownerToken}` };
  const comment = await postCreated(
    request,
    team.ownerToken,
    `/api/tasks/${team.taskId}/comments`,
    { body: "Keep the red ones apart" },
  );
  const grace = await openAs(
    browser,
    team.colleague,
    `/projects/${team.projectId}/tasks/${team.taskId}`,
  );
  const panel = grace.getByRole("dialog", { name: "OPS-1" });
  await expect(panel.getByText("Keep the red ones apart")).toBeVisible();

  const uncommented = await request.delete(`/api/comments/${comment.id}`, {
    headers,
  });
  expect(uncommented.status()).toBe(204);
  await expect(panel.getByText("Keep the red ones apart")).toHaveCount(0, live);

  const deleted = await request.delete(`/api/projects/${team.projectId}`, {
    headers,
  });
  expect(deleted.status()).toBe(204);
  await expect(grace.getByText("Could not open this project")).toBeVisible(
    live,
  );
  await grace.context().close();
});

test("signing out everywhere sends other browsers to the sign-in page at once", async ({
  browser,
  request,
}) => {
  const owner = newRegistration();
  await registerThroughApi(request, owner);
  const here = await newBrowserPage(browser);
  const elsewhere = await newBrowserPage(browser);
  await signIn(here, owner);
  await signIn(elsewhere, owner);

  await chooseFromUserMenu(here, owner.name, "Profile");
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await here
    .getByRole("dialog")
    .getByRole("button", { name: "Sign out everywhere" })
    .click();

  await expect(here).toHaveURL("/login");
  await expect(elsewhere).toHaveURL("/login", live);
  await Promise.all([here, elsewhere].map((page) => page.context().close()));
});
