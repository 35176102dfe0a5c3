import type { InvitationPreview } from "@ares/contracts";
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link, useSearchParams } from "react-router";

import { ApiError } from "../api/api-error";
import { useAuthStatus } from "../auth/use-auth-status";
import { FormAlert } from "../components/FormAlert";
import { formatDate } from "../format";
import { roleLabels } from "../roles";
import { usePreviewQuery } from "./invitation-queries";
import { ExistingAccountFields, NewAccountFields } from "./AcceptFields";
import { useAcceptForm } from "./use-accept-form";

/**
 * Where an invitation link leads: shows which organization invites whom as
 * what, then creates the account (or checks the existing one) and signs in.
 */
export function AcceptInvitePage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token");
  if (token === null || token === "") {
    return (
      <UnusableInvitation
        title="This link is incomplete"
        message="Open the link from the invitation email again."
      />
    );
  }
  return <InvitationLoader token={token} />;
}

interface InvitationLoaderProps {
  token: string;
}

function InvitationLoader({ token }: InvitationLoaderProps) {
  const preview = usePreviewQuery(token);
  if (preview.isPending) {
    return (
      <Center py="xl" role="status" aria-label="Loading the invitation">
        <Loader />
      </Center>
    );
  }
  if (preview.isError) {
    return (
      <UnusableInvitation
        title={unusableTitle(preview.error)}
        message={preview.error.message}
      />
    );
  }
  return <AcceptInvitation token={token} preview={preview.data} />;
}

function unusableTitle(error: Error): string {
  if (error instanceof ApiError && error.status === 404) {
    return "Invitation not found";
  }
  if (error instanceof ApiError && error.status === 400) {
    return "This invitation can no longer be used";
  }
  return "Could not open the invitation";
}

interface UnusableInvitationProps {
  title: string;
  message: string;
}

function UnusableInvitation({ title, message }: UnusableInvitationProps) {
  return (
    <Stack>
      <Alert color="red" title={title}>
        <Text size="sm">{message}</Text>
        <Text size="sm" mt="xs">
          Ask the person who invited you to send a new invitation.
        </Text>
      </Alert>
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/login">
          Go to sign in
        </Anchor>
      </Text>
    </Stack>
  );
}

interface AcceptInvitationProps {
  token: string;
  preview: InvitationPreview;
}

function AcceptInvitation({ token, preview }: AcceptInvitationProps) {
  const { form, handleSubmit, isSubmitting, formMessage } = useAcceptForm(
    token,
    preview,
  );
  const organizationName = preview.organization.name;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <InvitationSummary preview={preview} />
        <FormAlert message={formMessage} />
        {preview.accountExists ? (
          <ExistingAccountFields form={form} />
        ) : (
          <NewAccountFields form={form} />
        )}
        <Button type="submit" loading={isSubmitting}>
          Join {organizationName}
        </Button>
        {preview.accountExists && (
          <ExistingAccountLinks organizationId={preview.organization.id} />
        )}
      </Stack>
    </form>
  );
}

interface InvitationSummaryProps {
  preview: InvitationPreview;
}

/** Who invites whom, as what, until when. */
function InvitationSummary({ preview }: InvitationSummaryProps) {
  const signedIn = useAuthStatus() === "signedIn";
  return (
    <>
      <Title order={3}>
        Join {preview.organization.name} as {roleLabels[preview.role]}
      </Title>
      <Text size="sm" c="dimmed">
        Invitation for {preview.email}, valid until{" "}
        {formatDate(preview.expiresAt)}.
      </Text>
      {signedIn && (
        <Alert color="yellow" variant="light">
          You are signed in on this browser. Accepting signs you in as{" "}
          {preview.email} instead.
        </Alert>
      )}
    </>
  );
}

interface ExistingAccountLinksProps {
  organizationId: string;
}

function ExistingAccountLinks({ organizationId }: ExistingAccountLinksProps) {
  const signInHere = `/login?${new URLSearchParams({ organizationId }).toString()}`;
  return (
    <Group justify="space-between">
      <Anchor component={Link} to="/forgot-password" size="sm">
        Forgot your password?
      </Anchor>
      <Anchor component={Link} to={signInHere} size="sm">
        Already joined? Sign in
      </Anchor>
    </Group>
  );
}
