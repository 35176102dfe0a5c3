import type { Member, Role } from "@ares/contracts";
import type { UserRow } from "../db/schema.js";
import { presentUser } from "./session.js";

/** A membership joined with its account, as the members queries read it. */
export interface MemberFields {
  user: Pick<UserRow, "id" | "email" | "name">;
  role: Role;
  joinedAt: Date;
}

/** A member of the current organization, as the API shows it. */
export function presentMember(member: MemberFields): Member {
  return {
    user: presentUser(member.user),
    role: member.role,
    joinedAt: member.joinedAt.toISOString(),
  };
}
