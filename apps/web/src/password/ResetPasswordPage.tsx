import {
  Alert,
  Anchor,
  Button,
  PasswordInput,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link, useSearchParams } from "react-router";

import { FormAlert } from "../components/FormAlert";
import { useResetPasswordForm } from "./use-reset-password-form";

/** Chooses a new password with the token from an emailed reset link. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token");
  return (
    <Stack>
      <Title order={3}>Choose a new password</Title>
      {token === null || token === "" ? (
        <IncompleteLink />
      ) : (
        <ResetPasswordForm token={token} />
      )}
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      </Text>
    </Stack>
  );
}

function IncompleteLink() {
  return (
    <Alert color="red" title="This link is incomplete">
      Open the link from the email again, or ask for a new one.
    </Alert>
  );
}

interface ResetPasswordFormProps {
  token: string;
}

function ResetPasswordForm({ token }: ResetPasswordFormProps) {
  const { form, handleSubmit, isSubmitting, formMessage } =
    useResetPasswordForm(token);
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          Your other sessions will be signed out.
        </Text>
        <FormAlert message={formMessage} />
        <PasswordInput
          label="New password"
          description="At least 10 characters"
          autoComplete="new-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          key={form.key("confirmation")}
          {...form.getInputProps("confirmation")}
        />
        <Button type="submit" loading={isSubmitting}>
          Set new password
        </Button>
      </Stack>
    </form>
  );
}
