import type { ColumnType, Generated, RawBuilder, Selectable } from "kysely";
import type { Priority, Role, WorkflowStatus } from "@ares/contracts";

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

/** An organization: the tenant itself. Its `id` is every row's tenant_id. */
export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Set while the organization is suspended: closed to all its members. */
  suspended_at: ColumnType<Date | null, never, Date | null>;
  suspension_reason: ColumnType<string | null, never, string | null>;
}

/** A person's account. Accounts are global: one may join several orgs. */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A user's place in an organization, with the role they hold there. */
export interface MembershipsTable {
  tenant_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date, Date | undefined, Date>;
}

/** One sign-in on one device; its tokens point at one organization. */
export interface SessionsTable {
  id: string;
  user_id: string;
  active_tenant_id: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface InvitationsTable {
  tenant_id: string;
  id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  last_sent_at: ColumnType<Date, Date | undefined, Date>;
  send_count: ColumnType<number, number | undefined, number>;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}

export interface EmailOutboxTable {
  id: string;
  organization_id: string | null;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: CreatedAt;
}

export interface SecurityEventsTable {
  id: Generated<string>;
  organization_id: string | null;
  type: string;
  actor_user_id: string | null;
  target_user_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: CreatedAt;
}

type Version = ColumnType<number, number | undefined, number>;

/** Field name to the version at which that field last changed. */
type FieldVersions = ColumnType<
  Record<string, number>,
  never,
  RawBuilder<Record<string, number>>
>;

export interface WorkspacesTable {
  tenant_id: string;
  id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  field_versions: FieldVersions;
}

export interface WorkspaceMembersTable {
  tenant_id: string;
  workspace_id: string;
  user_id: string;
  role: "admin" | "member";
  created_at: CreatedAt;
}

export interface ProjectsTable {
  tenant_id: string;
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  archived: ColumnType<boolean, boolean | undefined, boolean>;
  workflow: ColumnType<WorkflowStatus[], string, string>;
  task_counter: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  field_versions: FieldVersions;
}

export interface TasksTable {
  tenant_id: string;
  id: string;
  project_id: string;
  number: number;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  status: string;
  priority: ColumnType<Priority, Priority | undefined, Priority>;
  assignee_id: string | null;
  /** A calendar date, read as text (YYYY-MM-DD) on both drivers. */
  due_date: string | null;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  /** numeric arrives as text; presenters turn it into a number. */
  estimate: ColumnType<string | null, number | null | undefined, number | null>;
  position: number;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  status_changed_at: ColumnType<Date, Date | undefined, Date>;
  completed_at: Date | null;
  version: Version;
}

export interface TaskStatusChangesTable {
  tenant_id: string;
  id: Generated<string>;
  task_id: string;
  from_status: string | null;
  to_status: string;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface CommentsTable {
  tenant_id: string;
  id: string;
  task_id: string;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TaskActivityTable {
  tenant_id: string;
  id: Generated<string>;
  task_id: string;
  version: number;
  actor_id: string | null;
  kind: "created" | "updated" | "moved" | "commented";
  field: string | null;
  from_value: ColumnType<unknown, string | null, never>;
  to_value: ColumnType<unknown, string | null, never>;
  created_at: CreatedAt;
}

/** The tables the application reads and writes, as Kysely sees them. */
export interface Schema {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
  email_outbox: EmailOutboxTable;
  security_events: SecurityEventsTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  projects: ProjectsTable;
  tasks: TasksTable;
  task_status_changes: TaskStatusChangesTable;
  comments: CommentsTable;
  task_activity: TaskActivityTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type TaskRow = Selectable<TasksTable>;
export type CommentRow = Selectable<CommentsTable>;
