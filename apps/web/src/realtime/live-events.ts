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
  projectUpdated: "project.updated",
  workspaceUpdated: "workspace.updated",
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
  | { type: "projectUpdated"; project: Project }
  | { type: "workspaceUpdated"; workspace: Workspace }
  | { type: "memberUpdated"; member: Member }
  | { type: "memberRemoved"; userId: string }
  | { type: "presenceChanged"; projectId: string; viewers: Viewer[] };

const deletedTaskSchema = z.object({ id: z.uuid(), projectId: z.uuid() });
const removedMemberSchema = z.object({ userId: z.uuid() });
const presenceSchema = z.object({
  projectId: z.uuid(),
  viewers: z.array(z.object({ userId: z.uuid(), taskId: z.uuid().nullable() })),
});

const envelopeSchema = z.object({ data: z.unknown() });

/**
 * Checks an event's payload against what the HTTP API returns for the same
 * record; null for a payload that does not match, which is then ignored
 * rather than let into the cache.
 */
export function readLiveEvent(
  name: LiveEventName,
  payload: unknown,
): LiveEvent | null {
  switch (name) {
    case liveEventNames.taskCreated:
    case liveEventNames.taskUpdated:
    case liveEventNames.taskMoved: {
      const data = dataOf(taskSchema, payload);
      return data && { type: "taskChanged", task: data };
    }
    case liveEventNames.taskDeleted: {
      const data = dataOf(deletedTaskSchema, payload);
      return (
        data && {
          type: "taskDeleted",
          taskId: data.id,
          projectId: data.projectId,
        }
      );
    }
    case liveEventNames.commentCreated: {
      const data = dataOf(commentSchema, payload);
      return data && { type: "commentCreated", comment: data };
    }
    case liveEventNames.projectUpdated: {
      const data = dataOf(projectSchema, payload);
      return data && { type: "projectUpdated", project: data };
    }
    case liveEventNames.workspaceUpdated: {
      const data = dataOf(workspaceSchema, payload);
      return data && { type: "workspaceUpdated", workspace: data };
    }
    case liveEventNames.memberUpdated: {
      const data = dataOf(memberSchema, payload);
      return data && { type: "memberUpdated", member: data };
    }
    case liveEventNames.memberRemoved: {
      const data = dataOf(removedMemberSchema, payload);
      return data && { type: "memberRemoved", userId: data.userId };
    }
    case liveEventNames.presenceChanged: {
      const data = dataOf(presenceSchema, payload);
      return data && { type: "presenceChanged", ...data };
    }
  }
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
