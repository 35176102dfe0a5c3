import type { ColumnType, Generated, Selectable } from "kysely";
import type { Role } from "@ares/contracts";

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

/** An organization: the tenant itself. Its `id` is every row's tenant_id. */
export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
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
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
