import type { SecurityEvent } from "@ares/contracts";
import { Code, Stack, Table, Text } from "@mantine/core";

import { formatDateTime } from "../format";
import { detailLines, eventLabel } from "./event-labels";

/** Props of `SecurityEventsTable`. */
export interface SecurityEventsTableProps {
  events: SecurityEvent[];
}

/** Security events: when, what, who, from where, and the particulars. */
export function SecurityEventsTable({ events }: SecurityEventsTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <SecurityEventRow key={event.id} event={event} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface SecurityEventRowProps {
  event: SecurityEvent;
}

function SecurityEventRow({ event }: SecurityEventRowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(event.at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} title={event.type}>
          {eventLabel(event.type)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.actor?.name ?? "—"}</Text>
        {event.actor !== null && (
          <Text size="xs" c="dimmed">
            {event.actor.email}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.ip ?? "—"}</Text>
      </Table.Td>
      <Table.Td>
        <EventDetails event={event} />
      </Table.Td>
    </Table.Tr>
  );
}

function EventDetails({ event }: SecurityEventRowProps) {
  const lines = detailLines(event);
  if (lines.length === 0 && event.requestId === null) {
    return <Text size="sm">—</Text>;
  }
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="xs">
          {line}
        </Text>
      ))}
      {event.requestId !== null && (
        <Text size="xs" c="dimmed">
          Request <Code fz="xs">{event.requestId}</Code>
        </Text>
      )}
    </Stack>
  );
}
