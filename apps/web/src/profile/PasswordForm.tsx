import {
  changePasswordRequestSchema,
  type ChangePasswordRequest,
} from "@ares/contracts";
import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";

import { changePassword } from "../api/profile";
import { FormAlert } from "../components/FormAlert";
import { useFormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";

const emptyPasswords: ChangePasswordRequest = {
  currentPassword: "",
  newPassword: "",
};

/**
 * The password policy names its field `password` wherever it runs; here
 * that field is the new password.
 */
const fieldAliases = { password: "newPassword" };

/** Changes the password; the server signs out the other sessions. */
export function PasswordForm() {
  const form = useForm<ChangePasswordRequest>({
    mode: "uncontrolled",
    initialValues: emptyPasswords,
    validate: schemaResolver(changePasswordRequestSchema, { sync: true }),
  });

  function handleChanged() {
    form.reset();
    notifySuccess("Password changed. Your other sessions were signed out.");
  }

  const { handleSubmit, isSubmitting, formMessage } = useFormMutation(form, {
    mutationFn: changePassword,
    onSuccess: handleChanged,
    fieldAliases,
  });
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Change password">
      <Stack gap="sm">
        <FormAlert message={formMessage} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          key={form.key("currentPassword")}
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label="New password"
          description="At least 10 characters"
          autoComplete="new-password"
          key={form.key("newPassword")}
          {...form.getInputProps("newPassword")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
