import { expect, test, type Page } from "@playwright/test";

import {
  mainNav,
  newRegistration,
  registerThroughApi,
  signIn,
  signUp,
} from "./support";
import {
  choose,
  dragWithMouse,
  moveWithKeyboard,
  nextAnswer,
  seedProject,
  seedTasks,
} from "./work-support";

const moved = /\/api\/tasks\/[^/]+\/move$/;
const edited = /\/api\/tasks\/[^/]+$/;

async function createWorkspaceAndProject(page: Page) {
  await mainNav(page).getByRole("link", { name: "Workspaces" }).click();
  await expect(page.getByText("No workspaces yet — create one")).toBeVisible();
  await page.getByRole("button", { name: "New workspace" }).click();
  const workspaceForm = page.getByRole("dialog", { name: "New workspace" });
  await workspaceForm.getByLabel("Name").fill("Engineering");
  await workspaceForm.getByRole("button", { name: "Create workspace" }).click();
  await expect(
    page.getByRole("heading", { name: "Engineering", level: 1 }),
  ).toBeVisible();
  await expect(page.getByText("No projects yet — create one")).toBeVisible();

  await page.getByRole("button", { name: "New project" }).click();
  const projectForm = page.getByRole("dialog", { name: "New project" });
  await projectForm.getByLabel("Name").fill("Website");
  await projectForm.getByLabel("Key").fill("WEB");
  await projectForm.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Website" })).toBeVisible();
}

async function addTasks(page: Page, titles: string[]) {
  const todo = page.getByRole("region", { name: "To do" });
  await todo.getByRole("button", { name: "Add a task to To do" }).click();
  const title = todo.getByLabel("New task in To do");
  for (const text of titles) {
    await title.fill(text);
    await title.press("Enter");
  }
  await title.press("Escape");
  await expect(todo.getByText("Adding…")).toHaveCount(0);
}

test("an owner plans work on the board and keeps it after a reload", async ({
  page,
}) => {
  await signUp(page, newRegistration());
  await createWorkspaceAndProject(page);
  const todo = page.getByRole("region", { name: "To do" });
  const inProgress = page.getByRole("region", { name: "In progress" });

  await addTasks(page, [
    "Draft the brief",
    "Design the homepage",
    "Write the copy",
  ]);
  await expect(todo.getByRole("listitem")).toHaveText([
    /WEB-1\s*Draft the brief/,
    /WEB-2\s*Design the homepage/,
    /WEB-3\s*Write the copy/,
  ]);

  const dragged = nextAnswer(page, "POST", moved);
  await dragWithMouse(
    page,
    todo.getByRole("button", { name: /Write the copy/ }),
    inProgress,
  );
  expect((await dragged).status()).toBe(200);
  await expect(inProgress.getByRole("listitem")).toHaveText([/Write the copy/]);
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);

  const keyed = nextAnswer(page, "POST", moved);
  await moveWithKeyboard(
    page,
    todo.getByRole("button", { name: /Design the homepage/ }),
    "Design the homepage",
    "ArrowUp",
    /Moved Design the homepage to To do/,
  );
  expect((await keyed).status()).toBe(200);
  await expect(todo.getByRole("listitem")).toHaveText([
    /Design the homepage/,
    /Draft the brief/,
  ]);

  await page.reload();
  await expect(todo.getByRole("listitem")).toHaveText([
    /Design the homepage/,
    /Draft the brief/,
  ]);
  await expect(inProgress.getByRole("listitem")).toHaveText([/Write the copy/]);

  await todo.getByRole("button", { name: /Draft the brief/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "WEB-1" })).toBeVisible();
});

test("an owner edits a task in its panel and finds it in the list", async ({
  page,
}) => {
  const owner = newRegistration();
  await signUp(page, owner);
  await createWorkspaceAndProject(page);
  await addTasks(page, ["Draft the brief", "Write the copy"]);

  await page.getByRole("button", { name: /Draft the brief/ }).click();
  const panel = page.getByRole("dialog", { name: "WEB-1" });
  await expect(panel.getByLabel("Title")).toHaveValue("Draft the brief");
  await expect(page).toHaveURL(/\/projects\/[^/]+\/tasks\/[^/]+$/);

  await panel.getByRole("button", { name: "Edit description" }).click();
  await panel
    .getByRole("textbox", { name: "Description" })
    .fill("# Launch plan\n\nShip the **first** version.");
  await panel.getByRole("tab", { name: "Preview" }).click();
  await expect(
    panel.getByRole("heading", { name: "Launch plan" }),
  ).toBeVisible();
  const described = nextAnswer(page, "PATCH", edited);
  await panel.getByRole("button", { name: "Save" }).click();
  expect((await described).status()).toBe(200);
  await expect(
    panel.getByRole("heading", { name: "Launch plan" }),
  ).toBeVisible();

  const prioritised = nextAnswer(page, "PATCH", edited);
  await choose(panel, page, "Priority", "High");
  expect((await prioritised).status()).toBe(200);
  const assigned = nextAnswer(page, "PATCH", edited);
  await choose(panel, page, "Assignee", owner.name);
  expect((await assigned).status()).toBe(200);

  await panel.getByLabel("Add a comment").fill("Looks good to me");
  await panel.getByRole("button", { name: "Comment" }).click();
  await expect(panel.getByText("Looks good to me")).toBeVisible();
  const activity = panel.getByRole("region", { name: "Activity" });
  await expect(activity.getByText("commented")).toBeVisible();
  await expect(
    activity.getByText("changed priority from none to high"),
  ).toBeVisible();
  await expect(activity.getByText(`assigned ${owner.name}`)).toBeVisible();
  await expect(activity.getByText("edited the description")).toBeVisible();

  await panel.getByRole("button", { name: "Close the task" }).click();
  await expect(panel).toBeHidden();
  await page.getByRole("tab", { name: "List" }).click();
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(3);

  await page.getByLabel("Search").fill("copy");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Write the copy");

  await page.getByRole("button", { name: "Clear filters" }).click();
  await choose(page, page, "Assignee", "Me");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Draft the brief");
});

test("a clash between two editors asks which title to keep; separate changes merge", async ({
  browser,
  request,
}) => {
  const owner = newRegistration();
  const accessToken = await registerThroughApi(request, owner);
  const { projectId } = await seedProject(request, accessToken);
  const [taskId] = await seedTasks(request, accessToken, projectId, [
    "Book movers",
  ]);
  const taskUrl = `/projects/${projectId}/tasks/${taskId!}`;
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [mine, theirs] = await Promise.all(
    contexts.map((context) => context.newPage()),
  );
  if (mine === undefined || theirs === undefined) {
    throw new Error("Two pages were asked for");
  }
  for (const page of [mine, theirs]) {
    await signIn(page, owner);
    await page.goto(taskUrl);
    await expect(page.getByLabel("Title")).toHaveValue("Book movers");
  }

  // I start typing before they save, so their title, arriving live, does
  // not replace what I type; my edit still starts from the old title.
  await mine.getByLabel("Title").fill("Book movers and a van");
  const theirEdit = nextAnswer(theirs, "PATCH", edited);
  await theirs.getByLabel("Title").fill("Book movers for Friday");
  await theirs.getByLabel("Title").press("Enter");
  expect((await theirEdit).status()).toBe(200);

  const clash = nextAnswer(mine, "PATCH", edited);
  await mine.getByLabel("Title").press("Enter");
  expect((await clash).status()).toBe(409);
  const dialog = mine.getByRole("dialog", {
    name: "Someone else changed this task",
  });
  await expect(
    dialog.getByText("You both started from: Book movers"),
  ).toBeVisible();
  await expect(
    dialog.getByRole("radio", { name: /Keep theirs.*Book movers for Friday/ }),
  ).toBeVisible();
  await expect(
    dialog.getByRole("radio", { name: /Keep mine.*Book movers and a van/ }),
  ).toBeVisible();

  const kept = nextAnswer(mine, "PATCH", edited);
  await dialog.getByRole("radio", { name: /Keep mine/ }).click();
  await dialog.getByRole("button", { name: "Save choices" }).click();
  expect((await kept).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(mine.getByLabel("Title")).toHaveValue("Book movers and a van");
  await theirs.reload();
  await expect(theirs.getByLabel("Title")).toHaveValue("Book movers and a van");

  const prioritised = nextAnswer(theirs, "PATCH", edited);
  await choose(theirs, theirs, "Priority", "Urgent");
  expect((await prioritised).status()).toBe(200);

  const labelled = nextAnswer(mine, "PATCH", edited);
  const labels = mine.getByRole("combobox", { name: "Labels" });
  await labels.fill("logistics");
  await labels.press("Enter");
  expect((await labelled).status()).toBe(200);
  await expect(
    mine.getByRole("dialog", { name: "Someone else changed this task" }),
  ).toHaveCount(0);
  await expect(mine.getByRole("combobox", { name: "Priority" })).toHaveValue(
    "Urgent",
  );
  await theirs.reload();
  await expect(
    theirs.getByRole("dialog").getByText("logistics", { exact: true }),
  ).toBeVisible();
  await expect(theirs.getByRole("combobox", { name: "Priority" })).toHaveValue(
    "Urgent",
  );
  await Promise.all(contexts.map((context) => context.close()));
});
