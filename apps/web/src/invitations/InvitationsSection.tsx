import { Button, Center, Skeleton, Stack, Text, Title } from "@mantine/core";

import { SectionError } from "../components/SectionError";
import { useInvitationsQuery } from "./invitation-queries";
import { InvitationsTable } from "./InvitationsTable";

/** The invitations table with its loading, empty and error states. */
export function InvitationsSection() {
  return (
    <Stack component="section" aria-labelledby="invitations" gap="sm">
      <Title order={2} size="h4" id="invitations">
        Invitations
      </Title>
      <InvitationPages />
    </Stack>
  );
}

function InvitationPages() {
  const invitations = useInvitationsQuery();

  function handleRetry() {
    void invitations.refetch();
  }

  function handleLoadMore() {
    void invitations.fetchNextPage();
  }

  if (invitations.isPending) {
    return <Skeleton height={80} aria-label="Loading invitations" />;
  }
  // A failed "Load more" keeps the pages already shown; only a failed
  // first page has nothing to show.
  if (invitations.data === undefined) {
    return (
      <SectionError
        title="Could not load the invitations"
        error={invitations.error}
        onRetry={handleRetry}
      />
    );
  }
  const shown = invitations.data.pages.flatMap((page) => page.invitations);
  if (shown.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No invitations yet. Invite someone above and they will show here.
      </Text>
    );
  }
  return (
    <>
      <InvitationsTable invitations={shown} />
      {invitations.isFetchNextPageError && (
        <SectionError
          title="Could not load more invitations"
          error={invitations.error}
          onRetry={handleLoadMore}
        />
      )}
      {invitations.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={invitations.isFetchingNextPage}
            onClick={handleLoadMore}
          >
            Load more invitations
          </Button>
        </Center>
      )}
    </>
  );
}
