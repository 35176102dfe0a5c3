import {
  Alert,
  Anchor,
  Button,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { Link, useSearchParams } from "react-router";

import { FormAlert } from "../components/FormAlert";
import { requestedOrganization, useLoginForm } from "./use-login-form";

/**
 * Sign-in page: email and password. A link with `?organizationId=` signs
 * in to that organization rather than the one used last.
 */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const organizationId = requestedOrganization(
    searchParams.get("organizationId"),
  );
  const { form, handleSubmit, isSubmitting, formMessage } =
    useLoginForm(organizationId);
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Title order={3}>Sign in</Title>
        {organizationId !== null && <OrganizationNotice />}
        <FormAlert message={formMessage} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <Stack gap={4}>
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            key={form.key("password")}
            {...form.getInputProps("password")}
          />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Group>
        </Stack>
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

function OrganizationNotice() {
  return (
    <Alert color="indigo" variant="light">
      <Text size="sm">
        You will sign in to the organization your link points to.{" "}
        <Anchor component={Link} to="/login" size="sm">
          Use my usual organization
        </Anchor>
      </Text>
    </Alert>
  );
}
