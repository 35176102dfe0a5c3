import type { Member, Role } from "@ares/contracts";
import { Select } from "@mantine/core";

import { renderRoleOption, roleDropdown } from "../components/RoleOption";
import { isAtLeast, isRole, roleOptions } from "../roles";
import { useChangeRole } from "./member-queries";

/** Props of `MemberRoleSelect`. */
export interface MemberRoleSelectProps {
  member: Member;
  /** The role of the person looking, which caps what they may grant. */
  actorRole: Role;
}

/**
 * Changes a member's role. Roles above the viewer's own are disabled, and
 * so is the whole picker for someone ranked above them; the server still
 * has the last word, and its refusal is shown as it words it.
 */
export function MemberRoleSelect({ member, actorRole }: MemberRoleSelectProps) {
  const changeRole = useChangeRole(member);

  function handleChange(value: string | null) {
    if (isRole(value) && value !== member.role) {
      changeRole.mutate(value);
    }
  }

  return (
    <Select
      aria-label={`Role of ${member.user.name}`}
      data={roleOptions(actorRole)}
      renderOption={renderRoleOption}
      comboboxProps={roleDropdown}
      value={member.role}
      onChange={handleChange}
      allowDeselect={false}
      disabled={changeRole.isPending || !isAtLeast(actorRole, member.role)}
      size="xs"
      w={130}
    />
  );
}
