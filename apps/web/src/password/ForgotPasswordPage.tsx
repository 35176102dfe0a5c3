import {
  forgotPasswordRequestSchema,
  type ForgotPasswordRequest,
} from "@ares/contracts";
import {
  Alert,
  Anchor,
  Button,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { useState } from "react";
import { Link } from "react-router";

import { requestPasswordReset } from "../api/auth";
import { FormAlert } from "../components/FormAlert";
import { useFormMutation } from "../forms/use-form-mutation";

/**
 * Asks for a password reset link. The answer never tells whether an account
 * exists, so the page cannot be used to find out who has one.
 */
export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={3}>Reset your password</Title>
      {sentTo === null ? (
        <ForgotPasswordForm onSent={setSentTo} />
      ) : (
        <Alert color="teal" role="status" title="Check your email">
          If an account exists for {sentTo}, we sent a link to choose a new
          password. It works once, for one hour.
        </Alert>
      )}
      <Text size="sm" ta="center">
        Remembered it?{" "}
        <Anchor component={Link} to="/login">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}

interface ForgotPasswordFormProps {
  onSent: (email: string) => void;
}

function ForgotPasswordForm({ onSent }: ForgotPasswordFormProps) {
  const form = useForm<ForgotPasswordRequest>({
    mode: "uncontrolled",
    initialValues: { email: "" },
    validate: schemaResolver(forgotPasswordRequestSchema, { sync: true }),
  });
  const { handleSubmit, isSubmitting, formMessage } = useFormMutation(form, {
    mutationFn: requestPasswordReset,
    onSuccess: (_result, values) => {
      onSent(values.email);
    },
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          Enter the email you sign in with and we will send you a link.
        </Text>
        <FormAlert message={formMessage} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <Button type="submit" loading={isSubmitting}>
          Send reset link
        </Button>
      </Stack>
    </form>
  );
}
