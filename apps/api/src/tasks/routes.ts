import { z } from "zod";
import {
  createTaskRequestSchema,
  errorEnvelopeSchema,
  idParamsSchema,
  moveTaskRequestSchema,
  taskConflictSchema,
  taskListQuerySchema,
  taskListSchema,
  taskSchema,
  updateTaskRequestSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { createTask } from "../commands/create-task.js";
import { moveTask } from "../commands/move-task.js";
import { updateTask } from "../commands/update-task.js";
import { retryTransient, tenantTransaction, type Tx } from "../db/scope.js";
import { eventNames, type EventName } from "../realtime/events.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { presentTask, type TaskWithPeople } from "../presenters/task.js";
import type { Services } from "../services.js";
import { projectAccess, taskAccess } from "../work/access.js";
import { baseVersionOf } from "./changes.js";
import { listTasks } from "./list.js";
import { loadTask } from "./queries.js";

const notFoundResponse = {
  description: "No such task here",
  schema: errorEnvelopeSchema,
};
const conflictResponse = {
  description: "A field in the edit changed since baseVersion",
  schema: taskConflictSchema,
};

/** A task's version as an HTTP entity tag. */
const etag = (version: number) => `"${version}"`;

/** Tasks: create, list, read, edit, move and delete. */
export function taskRoutes(services: Services): AnyRoute[] {
  const { db, events } = services;

  /** Tells the project's room about a committed change to a task. */
  function announce(
    tx: Tx,
    name: EventName,
    task: TaskWithPeople,
    actorId: string,
  ) {
    events.publish(tx, {
      organizationId: task.tenant_id,
      audience: { kind: "project", projectId: task.project_id },
      name,
      data: presentTask(task),
      version: task.version,
      actorId,
    });
  }

  const create = defineRoute({
    method: "post",
    path: "/api/projects/:id/tasks",
    summary: "Create a task at the end of its status column",
    tag: "Tasks",
    access: "tenant",
    params: idParamsSchema,
    body: createTaskRequestSchema,
    responses: {
      201: { description: "Created", schema: taskSchema },
      403: {
        description: "Viewers cannot create tasks",
        schema: errorEnvelopeSchema,
      },
      404: { description: "No such project here", schema: errorEnvelopeSchema },
    },
    async handler({ res, params, body }) {
      const identity = requireIdentity();

      const task = await tenantTransaction(db, async (tx) => {
        const access = await projectAccess(tx, identity, params.id);
        const created = await createTask(tx, access, identity, body);
        announce(tx, eventNames.taskCreated, created, identity.userId);
        return created;
      });
      res.setHeader("ETag", etag(task.version));
      return { status: 201, body: presentTask(task) };
    },
  });

  const list = defineRoute({
    method: "get",
    path: "/api/projects/:id/tasks",
    summary: "List a project's tasks with filters, sorting and a cursor",
    tag: "Tasks",
    access: "tenant",
    params: idParamsSchema,
    query: taskListQuerySchema,
    responses: {
      200: { description: "A page of tasks", schema: taskListSchema },
    },
    async handler({ params, query }) {
      const identity = requireIdentity();

      const page = await tenantTransaction(db, async (tx) => {
        await projectAccess(tx, identity, params.id);
        return listTasks(tx, identity, params.id, query);
      });
      return {
        status: 200,
        body: {
          tasks: page.tasks.map(presentTask),
          nextCursor: page.nextCursor,
        },
      };
    },
  });

  const read = defineRoute({
    method: "get",
    path: "/api/tasks/:id",
    summary: "Read a task; its ETag is its version",
    tag: "Tasks",
    access: "tenant",
    params: idParamsSchema,
    responses: {
      200: { description: "The task", schema: taskSchema },
      404: notFoundResponse,
    },
    async handler({ res, params }) {
      const identity = requireIdentity();

      const task = await tenantTransaction(db, async (tx) => {
        await taskAccess(tx, identity, params.id);
        return loadTask(tx, params.id);
      });
      res.setHeader("ETag", etag(task.version));
      return { status: 200, body: presentTask(task) };
    },
  });

  const update = defineRoute({
    method: "patch",
    path: "/api/tasks/:id",
    summary: "Edit a task from the version you saw (baseVersion or If-Match)",
    tag: "Tasks",
    access: "tenant",
    params: idParamsSchema,
    body: updateTaskRequestSchema,
    responses: {
      200: { description: "The task after the edit", schema: taskSchema },
      404: notFoundResponse,
      409: conflictResponse,
    },
    async handler({ req, res, params, body }) {
      const identity = requireIdentity();
      const { baseVersion, ...changes } = body;
      const base = baseVersionOf(baseVersion, req.headers["if-match"]);

      const task = await tenantTransaction(db, async (tx) => {
        const access = await taskAccess(tx, identity, params.id);
        const updated = await updateTask(tx, access, identity, base, changes);
        if (updated.version !== access.task.version) {
          announce(tx, eventNames.taskUpdated, updated, identity.userId);
        }
        return updated;
      });
      res.setHeader("ETag", etag(task.version));
      return { status: 200, body: presentTask(task) };
    },
  });

  const move = defineRoute({
    method: "post",
    path: "/api/tasks/:id/move",
    summary: "Move a task to a status and between two neighbours",
    tag: "Tasks",
    access: "tenant",
    params: idParamsSchema,
    body: moveTaskRequestSchema,
    responses: {
      200: { description: "The moved task", schema: taskSchema },
      404: notFoundResponse,
      409: conflictResponse,
      503: {
        description:
          "Concurrent moves kept deadlocking in the database; send it again",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ req, res, params, body }) {
      const identity = requireIdentity();
      const base = baseVersionOf(body.baseVersion, req.headers["if-match"]);

      // Two moves that renumber one column at once can deadlock; the one
      // PostgreSQL aborts runs again after the other commits.
      const task = await retryTransient(() =>
        tenantTransaction(db, async (tx) => {
          const access = await taskAccess(tx, identity, params.id);
          const { task: moved, respaced } = await moveTask(
            tx,
            access,
            identity,
            base,
            body,
          );
          if (moved.version !== access.task.version) {
            announce(tx, eventNames.taskMoved, moved, identity.userId);
          }
          for (const neighbour of respaced) {
            announce(tx, eventNames.taskMoved, neighbour, identity.userId);
          }
          return moved;
        }),
      );
      res.setHeader("ETag", etag(task.version));
      return { status: 200, body: presentTask(task) };
    },
  });

  const remove = defineRoute({
    method: "delete",
    path: "/api/tasks/:id",
    summary: "Delete a task (its creator or a workspace admin)",
    tag: "Tasks",
    access: "tenant",
    params: idParamsSchema,
    query: z.strictObject({}),
    responses: { 204: { description: "Deleted" }, 404: notFoundResponse },
    async handler({ params }) {
      const identity = requireIdentity();

      await tenantTransaction(db, async (tx) => {
        const { task, canManage } = await taskAccess(tx, identity, params.id);
        if (!canManage && task.created_by !== identity.userId) {
          throw new AppError(
            "forbidden",
            "Only the task's creator or a workspace admin can delete it",
          );
        }
        await tx.deleteFrom("tasks").where("id", "=", task.id).execute();
        events.publish(tx, {
          organizationId: task.tenant_id,
          audience: { kind: "project", projectId: task.project_id },
          name: eventNames.taskDeleted,
          data: { id: task.id, projectId: task.project_id },
          version: task.version,
          actorId: identity.userId,
        });
      });
      return { status: 204 };
    },
  });

  return [create, list, read, update, move, remove];
}
