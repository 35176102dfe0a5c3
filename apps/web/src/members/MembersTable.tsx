import type { Member, Role } from "@ares/contracts";
import { Badge, Group, Table, Text, VisuallyHidden } from "@mantine/core";

import { formatDate } from "../format";
import { canManagePeople, isAtLeast, roleLabels } from "../roles";
import { LeaveButton } from "./LeaveButton";
import { MemberRoleSelect } from "./MemberRoleSelect";
import { RemoveMemberButton } from "./RemoveMemberButton";

/** Who is looking at the table, which decides the controls they get. */
export interface MembersViewer {
  userId: string;
  role: Role;
  organizationName: string;
}

/** Props of `MembersTable`. */
export interface MembersTableProps {
  members: Member[];
  viewer: MembersViewer;
}

/**
 * Everyone in the organization. Owners and admins change roles and remove
 * people; everyone else reads, and may leave.
 */
export function MembersTable({ members, viewer }: MembersTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Joined</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <MemberRow key={member.user.id} member={member} viewer={viewer} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface MemberRowProps {
  member: Member;
  viewer: MembersViewer;
}

function MemberRow({ member, viewer }: MemberRowProps) {
  const isSelf = member.user.id === viewer.userId;
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {member.user.name}
          </Text>
          {isSelf && (
            <Badge size="xs" variant="outline">
              You
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{member.user.email}</Text>
      </Table.Td>
      <Table.Td>
        <RoleCell member={member} viewer={viewer} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDate(member.joinedAt)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <MemberActions member={member} viewer={viewer} isSelf={isSelf} />
      </Table.Td>
    </Table.Tr>
  );
}

function RoleCell({ member, viewer }: MemberRowProps) {
  if (!canManagePeople(viewer.role)) {
    return <Badge variant="light">{roleLabels[member.role]}</Badge>;
  }
  return <MemberRoleSelect member={member} actorRole={viewer.role} />;
}

interface MemberActionsProps extends MemberRowProps {
  isSelf: boolean;
}

function MemberActions({ member, viewer, isSelf }: MemberActionsProps) {
  if (isSelf) {
    return (
      <LeaveButton member={member} organizationName={viewer.organizationName} />
    );
  }
  const mayRemove =
    canManagePeople(viewer.role) && isAtLeast(viewer.role, member.role);
  if (!mayRemove) {
    return null;
  }
  return (
    <RemoveMemberButton
      member={member}
      organizationName={viewer.organizationName}
    />
  );
}
