import type { Role } from "@ares/contracts";
import { Button, Group, Select, Stack, TextInput } from "@mantine/core";

import { FormAlert } from "../components/FormAlert";
import { renderRoleOption, roleDropdown } from "../components/RoleOption";
import { roleOptions } from "../roles";
import { useInviteForm } from "./use-invite-form";

/** Props of `InviteForm`. */
export interface InviteFormProps {
  /** The inviter's role: nobody may invite someone above themselves. */
  actorRole: Role;
}

/** Invites a colleague by email, with the role they will join as. */
export function InviteForm({ actorRole }: InviteFormProps) {
  const { form, handleSubmit, isSubmitting, formMessage } = useInviteForm();
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Invite someone">
      <Stack gap="sm">
        <FormAlert message={formMessage} />
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            placeholder="colleague@example.com"
            miw={260}
            style={{ flexGrow: 1 }}
            key={form.key("email")}
            {...form.getInputProps("email")}
          />
          <Select
            label="Role"
            data={roleOptions(actorRole)}
            renderOption={renderRoleOption}
            comboboxProps={roleDropdown}
            allowDeselect={false}
            w={160}
            key={form.key("role")}
            {...form.getInputProps("role")}
          />
          <Button type="submit" loading={isSubmitting} mt={25}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
