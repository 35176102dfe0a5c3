import type { MoveTaskRequest } from "@ares/contracts";
import type { Identity } from "../context.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import type { TaskWithPeople } from "../presenters/task.js";
import {
  assertKnownVersion,
  changedFields,
  conflictError,
  conflictsSince,
} from "../tasks/changes.js";
import {
  holdProject,
  loadTask,
  lockTask,
  selectTasks,
} from "../tasks/queries.js";
import {
  endOfColumn,
  recordFieldChanges,
  recordStatusChange,
  statusColumns,
} from "../tasks/record.js";
import {
  assertMayChangeStatus,
  assertMayContribute,
  workflowStatus,
} from "../tasks/rules.js";
import type { TaskAccess } from "../work/access.js";

/** Gaps below this are respaced before a task is placed between two others. */
const smallestGap = 1e-6;

async function neighbourPosition(
  tx: Tx,
  projectId: string,
  taskId: string | null | undefined,
): Promise<number | undefined> {
  if (!taskId) {
    return undefined;
  }
  const neighbour = await tx
    .selectFrom("tasks")
    .select("position")
    .where("id", "=", taskId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (!neighbour) {
    throw new AppError("validation_failed", "Unknown neighbour task", [
      {
        path: "afterId",
        message: "Place the task next to a task of its project",
      },
    ]);
  }
  return neighbour.position;
}

/** Refuses a place next to the task itself, or between a task and itself. */
function assertDistinctNeighbours(taskId: string, input: MoveTaskRequest) {
  const problems = [];
  for (const path of ["afterId", "beforeId"] as const) {
    if (input[path] === taskId) {
      problems.push({ path, message: "Place the task next to another task" });
    }
  }
  if (input.afterId && input.afterId === input.beforeId) {
    problems.push({
      path: "beforeId",
      message: "Place the task between two different tasks",
    });
  }
  if (problems.length > 0) {
    throw new AppError("validation_failed", "Invalid place", problems);
  }
}

/**
 * Renumbers a column 1024 apart, keeping its order, and returns the ids of
 * the tasks it moved. Each gets a new version so clients holding the old
 * positions take the new ones; `movingId` is left out, as its move is
 * about to place it anyway.
 */
async function respace(
  tx: Tx,
  projectId: string,
  status: string,
  movingId: string,
): Promise<string[]> {
  const column = await tx
    .selectFrom("tasks")
    .select(["id", "position"])
    .where("project_id", "=", projectId)
    .where("status", "=", status)
    .where("id", "!=", movingId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const moved: string[] = [];
  const now = new Date();
  for (const [index, task] of column.entries()) {
    const position = (index + 1) * 1024;
    if (task.position === position) {
      continue;
    }
    await tx
      .updateTable("tasks")
      .set((eb) => ({
        position,
        version: eb("version", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", task.id)
      .execute();
    moved.push(task.id);
  }
  return moved;
}

interface Placement {
  position: number;
  respaced: string[];
}

/**
 * Where the task lands. When its neighbours sit too close, the column is
 * renumbered once; neighbours still close after that (they are in another
 * column) get the midpoint all the same.
 */
async function targetPosition(
  tx: Tx,
  movingId: string,
  projectId: string,
  input: MoveTaskRequest,
  respaced?: string[],
): Promise<Placement> {
  const after = await neighbourPosition(tx, projectId, input.afterId);
  const before = await neighbourPosition(tx, projectId, input.beforeId);
  if (after !== undefined && before !== undefined) {
    if (Math.abs(before - after) < smallestGap && respaced === undefined) {
      const moved = await respace(tx, projectId, input.status, movingId);
      return targetPosition(tx, movingId, projectId, input, moved);
    }
    return { position: (after + before) / 2, respaced: respaced ?? [] };
  }
  const position =
    after !== undefined
      ? after + 1024
      : before !== undefined
        ? before - 1024
        : await endOfColumn(tx, projectId, input.status);
  return { position, respaced: [] };
}

/** A moved task, and the tasks of its column renumbered to make room. */
export interface MoveOutcome {
  task: TaskWithPeople;
  respaced: TaskWithPeople[];
}

/**
 * Moves a task on the board: to a status and a place between neighbours,
 * under the same rule as an update (someone else's move since the base
 * version is a conflict).
 */
export async function moveTask(
  tx: Tx,
  access: TaskAccess,
  identity: Identity,
  baseVersion: number,
  input: MoveTaskRequest,
): Promise<MoveOutcome> {
  assertMayContribute(access);
  await lockTask(tx, access.task.id);
  const current = await loadTask(tx, access.task.id);
  assertKnownVersion(current, baseVersion);
  assertDistinctNeighbours(current.id, input);
  const project = await holdProject(tx, current.project_id);
  workflowStatus(project, input.status);

  const { position, respaced } = await targetPosition(
    tx,
    current.id,
    current.project_id,
    input,
  );
  const requested = { status: input.status, position };
  const fields = changedFields(current, requested);
  const conflicts = await conflictsSince(tx, current, baseVersion, requested, [
    "status",
    "position",
  ]);
  if (conflicts.length > 0) {
    throw conflictError(current, conflicts);
  }
  if (fields.length === 0) {
    return { task: current, respaced: await loadTasks(tx, respaced) };
  }
  const statusChanged = fields.includes("status");
  if (statusChanged) {
    assertMayChangeStatus(access, identity.userId, current.assignee_id);
  }

  const now = new Date();
  const moved = await tx
    .updateTable("tasks")
    .set({
      position,
      status: input.status,
      ...(statusChanged && statusColumns(project, input.status, now)),
      version: current.version + 1,
      updated_at: now,
    })
    .where("id", "=", current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordFieldChanges(tx, current, moved, fields, {
    actorId: identity.userId,
    kind: "moved",
  });
  if (statusChanged) {
    await recordStatusChange(tx, moved, current.status, identity.userId);
  }
  return {
    task: await loadTask(tx, current.id),
    respaced: await loadTasks(tx, respaced),
  };
}

async function loadTasks(tx: Tx, ids: string[]): Promise<TaskWithPeople[]> {
  if (ids.length === 0) {
    return [];
  }
  return selectTasks(tx)
    .where("t.id", "in", ids)
    .orderBy("t.position")
    .execute();
}
