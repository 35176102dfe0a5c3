import { Skeleton, Stack, Text, Title } from "@mantine/core";

import { SectionError } from "../components/SectionError";
import { useInvitationsQuery } from "./invitation-queries";
import { InvitationsTable } from "./InvitationsTable";

/** The invitations table with its loading, empty and error states. */
export function InvitationsSection() {
  const invitations = useInvitationsQuery();

  function handleRetry() {
    void invitations.refetch();
  }

  return (
    <Stack component="section" aria-labelledby="invitations" gap="sm">
      <Title order={2} size="h4" id="invitations">
        Invitations
      </Title>
      {invitations.isPending && (
        <Skeleton height={80} aria-label="Loading invitations" />
      )}
      {invitations.isError && (
        <SectionError
          title="Could not load the invitations"
          error={invitations.error}
          onRetry={handleRetry}
        />
      )}
      {invitations.isSuccess && invitations.data.length === 0 && (
        <Text c="dimmed" size="sm">
          No invitations yet. Invite someone above and they will show here.
        </Text>
      )}
      {invitations.isSuccess && invitations.data.length > 0 && (
        <InvitationsTable invitations={invitations.data} />
      )}
    </Stack>
  );
}
