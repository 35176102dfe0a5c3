import {
  updateProfileRequestSchema,
  type Session,
  type UpdateProfileRequest,
} from "@ares/contracts";
import { Button, Group, Stack, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";

import { updateProfile } from "../api/profile";
import { sessionQueryKey } from "../auth/session-query";
import { FormAlert } from "../components/FormAlert";
import { useFormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";
import { membersQueryKey } from "../members/member-queries";

/** Props of `NameForm`. */
export interface NameFormProps {
  name: string;
}

/** Changes the name other members see. */
export function NameForm({ name }: NameFormProps) {
  const form = useForm<UpdateProfileRequest>({
    mode: "uncontrolled",
    initialValues: { name },
    validate: schemaResolver(updateProfileRequestSchema, { sync: true }),
  });
  const queryClient = useQueryClient();

  function handleSaved(session: Session) {
    queryClient.setQueryData(sessionQueryKey, session);
    void queryClient.invalidateQueries({ queryKey: membersQueryKey });
    form.resetDirty({ name: session.user.name });
    notifySuccess("Your name is saved.");
  }

  const { handleSubmit, isSubmitting, formMessage } = useFormMutation(form, {
    mutationFn: updateProfile,
    onSuccess: handleSaved,
  });
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Your name">
      <Stack gap="sm">
        <FormAlert message={formMessage} />
        <TextInput
          label="Name"
          autoComplete="name"
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
