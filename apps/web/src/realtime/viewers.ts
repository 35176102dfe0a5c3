import type { Member, User } from "@ares/contracts";

import type { Viewer } from "./live-events";

/**
 * The other people among `viewers` (not `selfId`, who knows where they
 * are), named from the organization's members; with `taskId`, only those
 * who have that task open. Someone not in the list yet (it loads, or they
 * just joined) shows as "Someone".
 */
export function otherViewers(
  viewers: readonly Viewer[],
  members: readonly Member[] | undefined,
  selfId: string,
  taskId?: string,
): User[] {
  const people = new Map(members?.map(({ user }) => [user.id, user]));
  return viewers
    .filter(({ userId }) => userId !== selfId)
    .filter((viewer) => taskId === undefined || viewer.taskId === taskId)
    .map(
      ({ userId }) =>
        people.get(userId) ?? { id: userId, name: "Someone", email: "" },
    );
}
