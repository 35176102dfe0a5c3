import type { Role } from "@ares/contracts";

/** How each role is named on screen. */
export const roleLabels: Readonly<Record<Role, string>> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};
