import { Button, Center, Skeleton, Stack, Text, Title } from "@mantine/core";

import { SectionError } from "../components/SectionError";
import { useSecurityEventsQuery } from "./security-query";
import { SecurityEventsTable } from "./SecurityEventsTable";

/** The organization's security log, newest first, a page at a time. */
export function SecurityLogPage() {
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>Security log</Title>
        <Text c="dimmed">
          Sign-ins, sign-outs, password changes and changes to members.
        </Text>
      </Stack>
      <SecurityEvents />
    </Stack>
  );
}

function SecurityEvents() {
  const log = useSecurityEventsQuery();

  function handleRetry() {
    void log.refetch();
  }

  function handleLoadMore() {
    void log.fetchNextPage();
  }

  if (log.isPending) {
    return <Skeleton height={200} aria-label="Loading the security log" />;
  }
  // A failed "Load more" keeps the pages already shown; only a failed
  // first page has nothing to show.
  if (log.data === undefined) {
    return (
      <SectionError
        title="Could not load the security log"
        error={log.error}
        onRetry={handleRetry}
      />
    );
  }
  const events = log.data.pages.flatMap((page) => page.events);
  if (events.length === 0) {
    return <Text c="dimmed">Nothing has happened yet.</Text>;
  }
  return (
    <Stack gap="md">
      <SecurityEventsTable events={events} />
      {log.isFetchNextPageError && (
        <SectionError
          title="Could not load more events"
          error={log.error}
          onRetry={handleLoadMore}
        />
      )}
      {log.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={log.isFetchingNextPage}
            onClick={handleLoadMore}
          >
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
