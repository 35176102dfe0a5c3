import type { Role } from "@ares/contracts";

/** How each role is named on screen. */
export const roleLabels: Readonly<Record<Role, string>> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** Every role, highest first. */
export const rolesByRank: readonly Role[] = [
  "owner",
  "admin",
  "member",
  "viewer",
];

const rank: Readonly<Record<Role, number>> = {
  viewer: 1,
  member: 2,
  admin: 3,
  owner: 4,
};

/** True when `role` carries at least the rights of `floor`. */
export function isAtLeast(role: Role, floor: Role): boolean {
  return rank[role] >= rank[floor];
}

/**
 * Owners and admins manage people: invite, change roles, remove. The server
 * decides; this only hides controls it would refuse.
 */
export function canManagePeople(role: Role): boolean {
  return isAtLeast(role, "admin");
}

/** Role choices for a picker: roles above `actorRole` cannot be granted. */
export function roleOptions(
  actorRole: Role,
): { value: Role; label: string; disabled: boolean }[] {
  return rolesByRank.map((role) => ({
    value: role,
    label: roleLabels[role],
    disabled: !isAtLeast(actorRole, role),
  }));
}

/** Narrows a picker's string value to a role. */
export function isRole(value: string | null): value is Role {
  return value !== null && value in rank;
}
