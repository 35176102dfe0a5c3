import {
  memberListSchema,
  memberSchema,
  type Member,
  type Role,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

/** Everyone in the current organization, with their roles. */
export async function fetchMembers(signal?: AbortSignal): Promise<Member[]> {
  const list = await apiRequest("/members", memberListSchema, { signal });
  return list.members;
}

/** Gives a member another role. */
export function changeMemberRole(input: {
  userId: string;
  role: Role;
}): Promise<Member> {
  return apiRequest(
    `/members/${encodeURIComponent(input.userId)}`,
    memberSchema,
    {
      method: "PATCH",
      body: { role: input.role },
    },
  );
}

/** Removes a member; removing yourself means leaving the organization. */
export function removeMember(userId: string): Promise<void> {
  return apiCommand(`/members/${encodeURIComponent(userId)}`, {
    method: "DELETE",
  });
}
