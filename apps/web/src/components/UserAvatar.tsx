import type { User } from "@ares/contracts";
import { Avatar, Tooltip, type MantineSize } from "@mantine/core";

/** Props of `UserAvatar`. */
export interface UserAvatarProps {
  user: User;
  size?: MantineSize | number;
  /** Shows the name on hover, for avatars that stand alone. */
  withTooltip?: boolean;
}

/** A person's initials in a colour derived from their name. */
export function UserAvatar({
  user,
  size = "sm",
  withTooltip,
}: UserAvatarProps) {
  const avatar = (
    <Avatar name={user.name} color="initials" size={size} alt={user.name} />
  );
  if (withTooltip !== true) {
    return avatar;
  }
  return (
    <Tooltip label={user.name} withArrow openDelay={300}>
      {avatar}
    </Tooltip>
  );
}
