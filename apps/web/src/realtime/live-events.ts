import {
  commentSchema,
  memberSchema,
  projectSchema,
  taskSchema,
  workspaceSchema,
  type Comment,
  type Member,
  type Project,
  type Task,
  type Workspace,
} from "@ares/contracts";
import { z } from "zod";

/** The events the server emits, by name (README, "Live collaboration"). */
export const liveEventNames = {
  taskCreated: "task.created",
  taskUpdated: "task.updated",
  taskMoved: "task.moved",
  taskDeleted: "task.deleted",
  commentCreated: "comment.created",
  commentDeleted: "comment.deleted",
  projectUpdated: "project.updated",
  projectDeleted: "project.deleted",
  workspaceUpdated: "workspace.updated",
  workspaceDeleted: "workspace.deleted",
  memberUpdated: "member.updated",
  memberRemoved: "member.removed",
  presenceChanged: "presence.changed",
} as const;

export type LiveEventName =
  (typeof liveEventNames)[keyof typeof liveEventNames];

/** Someone looking at a project, and the task they have open. */
export interface Viewer {
  userId: string;
  taskId: string | null;
}

/** An event from the server, checked and named for what it means here. */
export type LiveEvent =
  /** A task was created, edited or moved: `task` is the server's copy. */
  | { type: "taskChanged"; task: Task }
  | { type: "taskDeleted"; taskId: string; projectId: string }
  | { type: "commentCreated"; comment: Comment }
  | { type: "commentDeleted"; commentId: string; taskId: string }
  | { type: "projectUpdated"; project: Project }
  | { type: "projectDeleted"; projectId: string; workspaceId: string }
  | { type: "workspaceUpdated"; workspace: Workspace }
  | { type: "workspaceDeleted"; workspaceId: string }
  | { type: "memberUpdated"; member: Member }
  | { type: "memberRemoved"; userId: string }
  | { type: "presenceChanged"; projectId: string; viewers: Viewer[] };

const deletedTaskSchema = z.object({ id: z.uuid(), projectId: z.uuid() });
const deletedCommentSchema = z.object({ id: z.uuid(), taskId: z.uuid() });
const deletedProjectSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
});
const deletedWorkspaceSchema = z.object({ id: z.uuid() });
const removedMemberSchema = z.object({ userId: z.uuid() });
const presenceSchema = z.object({
  projectId: z.uuid(),
  viewers: z.array(z.object({ userId: z.uuid(), taskId: z.uuid().nullable() })),
});

const envelopeSchema = z.object({ data: z.unknown() });

/**
 * Reads an event's payload with `schema`, then names it with `toEvent`;
 * null when the payload does not match.
 */
function reader<Data extends z.ZodType>(
  schema: Data,
  toEvent: (data: z.output<Data>) => LiveEvent,
): (payload: unknown) => LiveEvent | null {
  return (payload) => {
    const data = dataOf(schema, payload);
    return data === null ? null : toEvent(data);
  };
}

const readTaskChange = reader(taskSchema, (task) => ({
  type: "taskChanged",
  task,
}));

const readers: Record<LiveEventName, (payload: unknown) => LiveEvent | null> = {
  "task.created": readTaskChange,
  "task.updated": readTaskChange,
  "task.moved": readTaskChange,
  "task.deleted": reader(deletedTaskSchema, ({ id, projectId }) => ({
    type: "taskDeleted",
    taskId: id,
    projectId,
  })),
  "comment.created": reader(commentSchema, (comment) => ({
    type: "commentCreated",
    comment,
  })),
  "comment.deleted": reader(deletedCommentSchema, ({ id, taskId }) => ({
    type: "commentDeleted",
    commentId: id,
    taskId,
  })),
  "project.updated": reader(projectSchema, (project) => ({
    type: "projectUpdated",
    project,
  })),
  "project.deleted": reader(deletedProjectSchema, ({ id, workspaceId }) => ({
    type: "projectDeleted",
    projectId: id,
    workspaceId,
  })),
  "workspace.updated": reader(workspaceSchema, (workspace) => ({
    type: "workspaceUpdated",
    workspace,
  })),
  "workspace.deleted": reader(deletedWorkspaceSchema, ({ id }) => ({
    type: "workspaceDeleted",
    workspaceId: id,
  })),
  "member.updated": reader(memberSchema, (member) => ({
    type: "memberUpdated",
    member,
  })),
  "member.removed": reader(removedMemberSchema, ({ userId }) => ({
    type: "memberRemoved",
    userId,
  })),
  "presence.changed": reader(presenceSchema, (presence) => ({
    type: "presenceChanged",
    ...presence,
  })),
};

/**
 * Checks an event's payload against what the HTTP API returns for the same
 * record; null for a payload that does not match, which is then ignored
 * rather than let into the cache.
 */
export function readLiveEvent(
  name: LiveEventName,
  payload: unknown,
): LiveEvent | null {
  return readers[name](payload);
}

/**
 * The `data` of an event's envelope (`{ data, version, actor, at }`), or
 * null when it does not match `schema`.
 */
function dataOf<Data extends z.ZodType>(
  schema: Data,
  payload: unknown,
): z.output<Data> | null {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) {
    return null;
  }
  const data = schema.safeParse(envelope.data.data);
  return data.success ? data.data : null;
}
