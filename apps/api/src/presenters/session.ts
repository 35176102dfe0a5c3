import type { Organization, Role, Session, User } from "@ares/contracts";
import type { OrganizationRow, UserRow } from "../db/schema.js";

export function presentUser(
  user: Pick<UserRow, "id" | "email" | "name">,
): User {
  return { id: user.id, email: user.email, name: user.name };
}

type OrganizationFields = Pick<OrganizationRow, "id" | "name" | "created_at">;

export function presentOrganization(
  organization: OrganizationFields,
): Organization {
  return {
    id: organization.id,
    name: organization.name,
    createdAt: organization.created_at.toISOString(),
  };
}

export function presentSession(
  user: Pick<UserRow, "id" | "email" | "name">,
  organization: OrganizationFields,
  role: Role,
): Session {
  return {
    user: presentUser(user),
    organization: presentOrganization(organization),
    role,
  };
}
