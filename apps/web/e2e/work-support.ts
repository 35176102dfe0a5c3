import {
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from "@playwright/test";

/** A workspace and a project made through the API. */
export interface SeededProject {
  workspaceId: string;
  projectId: string;
}

/** Sends an authenticated POST that must create something. */
export async function postCreated(
  request: APIRequestContext,
  accessToken: string,
  path: string,
  data: unknown,
) {
  const response = await request.post(path, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data,
  });
  expect(response.status()).toBe(201);
  return response.json();
}

/** Creates the workspace "Operations" with the project "Office move". */
export async function seedProject(
  request: APIRequestContext,
  accessToken: string,
): Promise<SeededProject> {
  const workspace = await postCreated(request, accessToken, "/api/workspaces", {
    name: "Operations",
  });
  const project = await postCreated(request, accessToken, "/api/projects", {
    workspaceId: workspace.id,
    key: "OPS",
    name: "Office move",
  });
  return { workspaceId: workspace.id, projectId: project.id };
}

/** Creates tasks with these titles in order; returns their ids. */
export async function seedTasks(
  request: APIRequestContext,
  accessToken: string,
  projectId: string,
  titles: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) {
    const task = await postCreated(
      request,
      accessToken,
      `/api/projects/${projectId}/tasks`,
      { title },
    );
    ids.push(task.id);
  }
  return ids;
}

/**
 * Drags `source` onto `target` with the mouse, in small steps as a hand
 * would, so the drag library sees the pointer move past its threshold.
 */
export async function dragWithMouse(
  page: Page,
  source: Locator,
  target: Locator,
): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (from === null || to === null) {
    throw new Error("Both ends of the drag must be on screen");
  }
  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 12, startY + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 70, { steps: 20 });
  await page.mouse.up();
}

/** Waits for the answer to the next request to `pathEnd` with `method`. */
export function nextAnswer(page: Page, method: string, pathEnd: RegExp) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === method &&
      pathEnd.test(new URL(response.url()).pathname),
  );
}

/** Picks `option` in the combobox labelled `label`. */
export async function choose(
  scope: Page | Locator,
  page: Page,
  label: string,
  option: string,
): Promise<void> {
  await scope.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/**
 * Moves a card with the keyboard as a person would: Space picks it up,
 * `key` carries it, Space drops it. Each step waits for the drag
 * library's spoken announcement, as a screen reader user would hear it.
 */
export async function moveWithKeyboard(
  page: Page,
  card: Locator,
  title: string,
  key: "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight",
  over: RegExp,
): Promise<void> {
  await card.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Picked up ${title}`)).toBeAttached();
  await page.keyboard.press(key);
  await expect(page.getByText(over)).toBeAttached();
  await page.keyboard.press("Space");
}
