import type { OutboxMessage } from "@ares/contracts";
import {
  Alert,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";

import { SectionError } from "../components/SectionError";
import { formatDateTime } from "../format";
import { LinkifiedText } from "./LinkifiedText";
import { isOutboxMissing, useOutboxMessages } from "./outbox-query";

/**
 * The development outbox: emails this server kept instead of sending, so
 * invitation and reset links can be followed without a mail server.
 */
export function OutboxPage() {
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>Outbox</Title>
        <Text c="dimmed">
          This server has no mail server, so it keeps emails here instead of
          sending them.
        </Text>
      </Stack>
      <OutboxMessages />
    </Stack>
  );
}

function OutboxMessages() {
  const outbox = useOutboxMessages();

  function handleRetry() {
    void outbox.refetch();
  }

  if (outbox.isPending) {
    return <Skeleton height={160} aria-label="Loading the outbox" />;
  }
  if (outbox.isError && isOutboxMissing(outbox.error)) {
    return (
      <Alert color="gray" title="No outbox here">
        This server sends real email, so there is nothing to show.
      </Alert>
    );
  }
  if (outbox.isError) {
    return (
      <SectionError
        title="Could not load the outbox"
        error={outbox.error}
        onRetry={handleRetry}
      />
    );
  }
  if (outbox.data.length === 0) {
    return <Text c="dimmed">No emails yet.</Text>;
  }
  return (
    <Stack gap="md">
      {outbox.data.map((message) => (
        <OutboxMessageCard key={message.id} message={message} />
      ))}
    </Stack>
  );
}

interface OutboxMessageCardProps {
  message: OutboxMessage;
}

function OutboxMessageCard({ message }: OutboxMessageCardProps) {
  const headingId = `outbox-${message.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" mb={4} wrap="wrap">
        <Title order={2} size="h5" id={headingId}>
          {message.subject}
        </Title>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.createdAt)}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        To {message.to}
      </Text>
      <LinkifiedText text={message.text} />
    </Paper>
  );
}
