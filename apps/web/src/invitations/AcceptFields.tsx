import { PasswordInput, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

import type { AcceptValues } from "./use-accept-form";

/** Props of the accept form's field groups. */
export interface AcceptFieldsProps {
  form: UseFormReturnType<AcceptValues>;
}

/** A new person chooses the name others will see, and a password. */
export function NewAccountFields({ form }: AcceptFieldsProps) {
  return (
    <>
      <TextInput
        label="Your name"
        autoComplete="name"
        key={form.key("name")}
        {...form.getInputProps("name")}
      />
      <PasswordInput
        label="Choose a password"
        description="At least 10 characters"
        autoComplete="new-password"
        key={form.key("password")}
        {...form.getInputProps("password")}
      />
    </>
  );
}

/** A person with an account proves it is theirs with its password. */
export function ExistingAccountFields({ form }: AcceptFieldsProps) {
  return (
    <>
      <Text size="sm">
        You already have an Ares account with this email. Enter its password to
        join; your name and other organizations stay as they are.
      </Text>
      <PasswordInput
        label="Your password"
        autoComplete="current-password"
        key={form.key("password")}
        {...form.getInputProps("password")}
      />
    </>
  );
}
