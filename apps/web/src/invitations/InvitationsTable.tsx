import type { Invitation } from "@ares/contracts";
import { Table, Text, VisuallyHidden } from "@mantine/core";

import { formatDate, formatDateTime } from "../format";
import { roleLabels } from "../roles";
import { InvitationActions } from "./InvitationActions";
import { InvitationStatusBadge } from "./InvitationStatusBadge";

/** Props of `InvitationsTable`. */
export interface InvitationsTableProps {
  invitations: Invitation[];
}

/** Invitations of the organization, with their status and actions. */
export function InvitationsTable({ invitations }: InvitationsTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Invited by</Table.Th>
            <Table.Th>Last sent</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface InvitationRowProps {
  invitation: Invitation;
}

function InvitationRow({ invitation }: InvitationRowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{invitation.email}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{roleLabels[invitation.role]}</Text>
      </Table.Td>
      <Table.Td>
        <InvitationStatusBadge status={invitation.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {invitation.invitedBy?.name ?? "Someone who left"}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(invitation.lastSentAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDate(invitation.expiresAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <InvitationActions invitation={invitation} />
      </Table.Td>
    </Table.Tr>
  );
}
