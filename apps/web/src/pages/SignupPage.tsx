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
import { useRegisterForm } from "./use-register-form";

/** Sign-up page: creates an organization and its first owner. */
export function SignupPage() {
  const { form, handleSubmit, isSubmitting, formMessage } = useRegisterForm();
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Title order={3}>Create your organization</Title>
        <FormAlert message={formMessage} />
        <TextInput
          label="Organization name"
          autoComplete="organization"
          key={form.key("organizationName")}
          {...form.getInputProps("organizationName")}
        />
        <TextInput
          label="Your name"
          autoComplete="name"
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label="Password"
          autoComplete="new-password"
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={isSubmitting}>
          Create organization
        </Button>
        <Text size="sm" ta="center">
          Already have an account?{" "}
          <Anchor component={Link} to="/login">
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
