import { Paper, Stack, Text, Title } from "@mantine/core";

import { useCurrentSession } from "../auth/session-context";
import { InvitationsSection } from "../invitations/InvitationsSection";
import { InviteForm } from "../invitations/InviteForm";
import { canManagePeople } from "../roles";
import { MembersSection } from "./MembersSection";

/**
 * Members and invitations of the current organization. Owners and admins
 * invite people and manage roles; everyone else sees who is here.
 */
export function MembersPage() {
  const { user, organization, role } = useCurrentSession();
  const manages = canManagePeople(role);
  const viewer = {
    userId: user.id,
    role,
    organizationName: organization.name,
  };
  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>Members</Title>
        <Text c="dimmed">
          {manages
            ? `Invite people to ${organization.name} and choose what they can do.`
            : `Everyone in ${organization.name}. Owners and admins manage members.`}
        </Text>
      </Stack>
      {manages && (
        <Paper withBorder p="md" component="section" aria-labelledby="invite">
          <Title order={2} size="h4" id="invite" mb="sm">
            Invite someone
          </Title>
          <InviteForm actorRole={role} />
        </Paper>
      )}
      <MembersSection viewer={viewer} />
      {manages && <InvitationsSection />}
    </Stack>
  );
}
