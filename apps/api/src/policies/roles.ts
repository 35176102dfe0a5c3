import type { Role } from "@ares/contracts";

const rank: Record<Role, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

/** True when `role` carries at least the rights of `floor`. */
export function isAtLeast(role: Role, floor: Role): boolean {
  return rank[role] >= rank[floor];
}

/** Roles that can manage people: invite, change roles, remove. */
export function isPrivileged(role: Role): boolean {
  return isAtLeast(role, "admin");
}

/** Roles that may be given work (tasks); viewers only read. */
export function isAssignable(role: Role): boolean {
  return isAtLeast(role, "member");
}
