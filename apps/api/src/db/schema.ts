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

/** The tables the application reads and writes, as Kysely sees them. */
export interface Schema {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
