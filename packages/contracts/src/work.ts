import { z } from "zod";
import { userSchema } from "./auth.js";

const nameSchema = z.string().trim().min(1).max(100);
const descriptionSchema = z.string().max(2000);
const versionSchema = z.number().int().min(1);

/** Every mutable record carries a version; updates name the one they saw. */
export const baseVersionSchema = versionSchema.describe(
  "The version the client's edit started from",
);

export const workspaceRoleSchema = z.enum(["admin", "member"]);

export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;

export const workspaceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: versionSchema,
    projectCount: z.number().int(),
  })
  .meta({ id: "Workspace" });

export type Workspace = z.infer<typeof workspaceSchema>;

export const workspaceListSchema = z
  .object({ workspaces: z.array(workspaceSchema) })
  .meta({ id: "WorkspaceList" });

export const createWorkspaceRequestSchema = z
  .strictObject({
    name: nameSchema,
    description: descriptionSchema.optional(),
  })
  .meta({ id: "CreateWorkspaceRequest" });

export type CreateWorkspaceRequest = z.infer<
  typeof createWorkspaceRequestSchema
>;

export const updateWorkspaceRequestSchema = z
  .strictObject({
    baseVersion: baseVersionSchema,
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
  })
  .meta({ id: "UpdateWorkspaceRequest" });

export type UpdateWorkspaceRequest = z.infer<
  typeof updateWorkspaceRequestSchema
>;

export const workspaceMemberSchema = z
  .object({ user: userSchema, role: workspaceRoleSchema })
  .meta({ id: "WorkspaceMember" });

export const workspaceMemberListSchema = z
  .object({ members: z.array(workspaceMemberSchema) })
  .meta({ id: "WorkspaceMemberList" });

export const addWorkspaceMemberRequestSchema = z
  .strictObject({ userId: z.uuid(), role: workspaceRoleSchema })
  .meta({ id: "AddWorkspaceMemberRequest" });

/** How a status counts for analytics, whatever a project calls it. */
export const statusCategorySchema = z.enum([
  "todo",
  "in_progress",
  "done",
  "cancelled",
]);

export type StatusCategory = z.infer<typeof statusCategorySchema>;

export const workflowStatusSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
    name: z.string().trim().min(1).max(40),
    category: statusCategorySchema,
  })
  .meta({ id: "WorkflowStatus" });

export type WorkflowStatus = z.infer<typeof workflowStatusSchema>;

/** A project's statuses in board order; keys are unique. */
export const workflowSchema = z
  .array(workflowStatusSchema)
  .min(1)
  .max(20)
  .refine(
    (statuses) => new Set(statuses.map((s) => s.key)).size === statuses.length,
    { error: "Status keys must be unique" },
  );

export const defaultWorkflow: WorkflowStatus[] = [
  { key: "todo", name: "To do", category: "todo" },
  { key: "in_progress", name: "In progress", category: "in_progress" },
  { key: "in_review", name: "In review", category: "in_progress" },
  { key: "done", name: "Done", category: "done" },
  { key: "cancelled", name: "Cancelled", category: "cancelled" },
];

export const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, {
  error: "2 to 10 capital letters or digits, starting with a letter",
});

export const projectSchema = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    archived: z.boolean(),
    workflow: z.array(workflowStatusSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: versionSchema,
  })
  .meta({ id: "Project" });

export type Project = z.infer<typeof projectSchema>;

export const projectListSchema = z
  .object({ projects: z.array(projectSchema) })
  .meta({ id: "ProjectList" });

export const projectListQuerySchema = z.strictObject({
  workspaceId: z.uuid().optional(),
  archived: z.enum(["true", "false", "all"]).default("false"),
});

export const createProjectRequestSchema = z
  .strictObject({
    workspaceId: z.uuid(),
    key: projectKeySchema,
    name: nameSchema,
    description: descriptionSchema.optional(),
    workflow: workflowSchema.optional(),
  })
  .meta({ id: "CreateProjectRequest" });

export type CreateProjectRequest = z.infer<typeof createProjectRequestSchema>;

export const updateProjectRequestSchema = z
  .strictObject({
    baseVersion: baseVersionSchema,
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
    archived: z.boolean().optional(),
    workflow: workflowSchema.optional(),
  })
  .meta({ id: "UpdateProjectRequest" });

export type UpdateProjectRequest = z.infer<typeof updateProjectRequestSchema>;

export const prioritySchema = z.enum([
  "none",
  "low",
  "medium",
  "high",
  "urgent",
]);

export type Priority = z.infer<typeof prioritySchema>;

const dateSchema = z.iso.date();
const labelSchema = z.string().trim().min(1).max(40);
const titleSchema = z.string().trim().min(1).max(200);
const taskDescriptionSchema = z.string().max(20000);
const estimateSchema = z.number().min(0).max(999999);

export const taskSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    key: z.string().describe("Human key such as ENG-42"),
    number: z.number().int(),
    title: z.string(),
    description: z.string().describe("Markdown"),
    status: z.string(),
    priority: prioritySchema,
    assignee: userSchema.nullable(),
    dueDate: z.iso.date().nullable(),
    labels: z.array(z.string()),
    estimate: z.number().nullable(),
    position: z.number(),
    createdBy: userSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    statusChangedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    version: versionSchema,
  })
  .meta({ id: "Task" });

export type Task = z.infer<typeof taskSchema>;

/** The fields of a task a client may change through an update. */
export const editableTaskFields = [
  "title",
  "description",
  "status",
  "priority",
  "assigneeId",
  "dueDate",
  "labels",
  "estimate",
] as const;

export type EditableTaskField = (typeof editableTaskFields)[number];

export const createTaskRequestSchema = z
  .strictObject({
    title: titleSchema,
    description: taskDescriptionSchema.optional(),
    status: z.string().max(30).optional(),
    priority: prioritySchema.optional(),
    assigneeId: z.uuid().nullable().optional(),
    dueDate: dateSchema.nullable().optional(),
    labels: z.array(labelSchema).max(20).optional(),
    estimate: estimateSchema.nullable().optional(),
  })
  .meta({ id: "CreateTaskRequest" });

export type CreateTaskRequest = z.infer<typeof createTaskRequestSchema>;

export const updateTaskRequestSchema = z
  .strictObject({
    baseVersion: baseVersionSchema
      .optional()
      .describe("Or send the version in an If-Match header"),
    title: titleSchema.optional(),
    description: taskDescriptionSchema.optional(),
    status: z.string().max(30).optional(),
    priority: prioritySchema.optional(),
    assigneeId: z.uuid().nullable().optional(),
    dueDate: dateSchema.nullable().optional(),
    labels: z.array(labelSchema).max(20).optional(),
    estimate: estimateSchema.nullable().optional(),
  })
  .meta({ id: "UpdateTaskRequest" });

export type UpdateTaskRequest = z.infer<typeof updateTaskRequestSchema>;

/**
 * Moving on the board: a status and a place between two neighbours (either
 * may be absent at a column's ends).
 */
export const moveTaskRequestSchema = z
  .strictObject({
    baseVersion: baseVersionSchema
      .optional()
      .describe("Or send the version in an If-Match header"),
    status: z.string().max(30),
    afterId: z.uuid().nullable().optional(),
    beforeId: z.uuid().nullable().optional(),
  })
  .meta({ id: "MoveTaskRequest" });

export type MoveTaskRequest = z.infer<typeof moveTaskRequestSchema>;

/** One field two people changed: what each saw and wants. */
export const fieldConflictSchema = z
  .object({
    field: z.string(),
    base: z.unknown().describe("The value the client's edit started from"),
    server: z.unknown().describe("The value now on the server"),
    client: z.unknown().describe("The value the client sent"),
  })
  .meta({ id: "FieldConflict" });

export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/** The 409 answer to an update whose fields changed since its base. */
export const taskConflictSchema = z
  .object({
    error: z.object({
      code: z.literal("conflict"),
      message: z.string(),
      conflict: z.object({
        current: taskSchema,
        fields: z.array(fieldConflictSchema),
      }),
    }),
  })
  .meta({ id: "TaskConflict" });

export type TaskConflict = z.infer<typeof taskConflictSchema>;

export const taskSortSchema = z.enum([
  "position",
  "created",
  "updated",
  "due",
  "priority",
]);

export const taskListQuerySchema = z.strictObject({
  status: z.string().max(30).optional(),
  assigneeId: z
    .union([z.uuid(), z.literal("me"), z.literal("none")])
    .optional(),
  label: z.string().max(40).optional(),
  dueFrom: dateSchema.optional(),
  dueTo: dateSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: taskSortSchema.default("position"),
  order: z.enum(["asc", "desc"]).default("asc"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type TaskListQuery = z.input<typeof taskListQuerySchema>;

export const taskListSchema = z
  .object({ tasks: z.array(taskSchema), nextCursor: z.string().nullable() })
  .meta({ id: "TaskList" });

export const commentSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    author: userSchema.nullable(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: versionSchema,
  })
  .meta({ id: "Comment" });

export type Comment = z.infer<typeof commentSchema>;

/** One page of a task's comments or history: `cursor` from the page before. */
export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const commentListSchema = z
  .object({
    comments: z.array(commentSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "CommentList" });

export const createCommentRequestSchema = z
  .strictObject({ body: z.string().trim().min(1).max(10000) })
  .meta({ id: "CreateCommentRequest" });

export const activitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["created", "updated", "moved", "commented"]),
    field: z.string().nullable(),
    from: z.unknown(),
    to: z.unknown(),
    actor: userSchema.nullable(),
    version: z.number().int(),
    at: z.iso.datetime(),
  })
  .meta({ id: "Activity" });

export type Activity = z.infer<typeof activitySchema>;

export const activityListSchema = z
  .object({
    activity: z.array(activitySchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "ActivityList" });
