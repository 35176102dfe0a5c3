import { Avatar, Group, Text } from "@mantine/core";

import { useCurrentSession } from "../auth/session-context";
import { UserAvatar } from "../components/UserAvatar";
import { useMembersQuery } from "../members/member-queries";
import type { Viewer } from "./live-events";
import { otherViewers } from "./viewers";

/** Props of `ViewerAvatars`. */
export interface ViewerAvatarsProps {
  viewers: readonly Viewer[];
  /** Only those who have this task open. */
  taskId?: string;
  /** Says what they are looking at, e.g. "Also viewing this project". */
  label: string;
}

/** Avatars beyond this many fold into a "+n". */
const mostShown = 5;

/**
 * The other people looking at a project or task right now, as avatars
 * with their names on hover; nothing when nobody else is.
 */
export function ViewerAvatars({ viewers, taskId, label }: ViewerAvatarsProps) {
  const { user } = useCurrentSession();
  const members = useMembersQuery();
  const people = otherViewers(viewers, members.data, user.id, taskId);
  if (people.length === 0) {
    return null;
  }
  const shown = people.slice(0, mostShown);
  const folded = people.length - shown.length;
  const names = people.map(({ name }) => name).join(", ");
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label={`${label}: ${names}`}>
      <Text size="xs" c="dimmed" visibleFrom="sm" aria-hidden="true">
        {label}
      </Text>
      <Avatar.Group spacing="xs">
        {shown.map((person) => (
          <UserAvatar key={person.id} user={person} withTooltip />
        ))}
        {folded > 0 && <Avatar size="sm">+{folded}</Avatar>}
      </Avatar.Group>
    </Group>
  );
}
