/** Every event the server emits, by name; clients rely on these names. */
export const eventNames = {
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
  memberRemoved: "member.removed",
  memberUpdated: "member.updated",
  presenceChanged: "presence.changed",
} as const;

export type EventName = (typeof eventNames)[keyof typeof eventNames];

/** Where an event goes: one project's room, or the whole organization. */
export type Audience =
  { kind: "project"; projectId: string } | { kind: "organization" };

/**
 * What every event carries: the entity as the API presents it, its new
 * version, who made the change (clients know members' names already) and
 * when.
 */
export interface EventEnvelope<Data = unknown> {
  data: Data;
  version: number | null;
  actor: { id: string } | null;
  at: string;
}

/** One change to announce, once its transaction has committed. */
export interface RealtimeEvent<Data = unknown> {
  organizationId: string;
  audience: Audience;
  name: EventName;
  data: Data;
  version: number | null;
  actorId: string | null;
}

/** The room name of a project inside its organization's namespace. */
export const projectRoom = (projectId: string) => `project:${projectId}`;

/** The namespace of an organization. */
export const organizationNamespace = (organizationId: string) =>
  `/orgs/${organizationId}`;
