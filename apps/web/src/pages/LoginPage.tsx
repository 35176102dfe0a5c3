import {
  Anchor,
  Button,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { Link } from "react-router";

import { FormAlert } from "../components/FormAlert";
import { useLoginForm } from "./use-login-form";

/** Sign-in page: email and password. */
export function LoginPage() {
  const { form, handleSubmit, isSubmitting, formMessage } = useLoginForm();
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Title order={3}>Sign in</Title>
        <FormAlert message={formMessage} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={isSubmitting}>
          Sign in
        </Button>
        <Text size="sm" ta="center">
          New to Ares?{" "}
          <Anchor component={Link} to="/signup">
            Create an organization
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
