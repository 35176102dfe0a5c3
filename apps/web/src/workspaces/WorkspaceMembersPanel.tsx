import type { WorkspaceRole } from "@ares/contracts";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";

import type { WorkspaceMember } from "../api/workspaces";
import { CrossIcon } from "../components/icons";
import { SectionError } from "../components/SectionError";
import { UserAvatar } from "../components/UserAvatar";
import { useMembersQuery } from "../members/member-queries";
import {
  useAddWorkspaceMember,
  useRemoveWorkspaceMember,
  useWorkspaceMembers,
} from "./workspace-queries";

/** Props of `WorkspaceMembersPanel`. */
export interface WorkspaceMembersPanelProps {
  workspaceId: string;
  canManage: boolean;
}

const roleLabels: Record<WorkspaceRole, string> = {
  admin: "Admin",
  member: "Member",
};

/** Who belongs to a workspace; its admins add and remove people. */
export function WorkspaceMembersPanel(props: WorkspaceMembersPanelProps) {
  const members = useWorkspaceMembers(props.workspaceId);

  function handleRetry() {
    void members.refetch();
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="workspace-people"
    >
      <Title order={2} size="h4" id="workspace-people" mb="sm">
        People
      </Title>
      {members.isPending && (
        <Skeleton height={80} aria-label="Loading people" />
      )}
      {members.isError && (
        <SectionError
          title="Could not load the people"
          error={members.error}
          onRetry={handleRetry}
        />
      )}
      {members.isSuccess && (
        <Stack gap="sm">
          <MemberList members={members.data} {...props} />
          {props.canManage && (
            <AddMemberForm
              workspaceId={props.workspaceId}
              present={members.data}
            />
          )}
        </Stack>
      )}
    </Paper>
  );
}

interface MemberListProps extends WorkspaceMembersPanelProps {
  members: WorkspaceMember[];
}

function MemberList({ members, workspaceId, canManage }: MemberListProps) {
  if (members.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody was added yet. Organization owners and admins see every
        workspace.
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {members.map((member) => (
        <MemberRow
          key={member.user.id}
          member={member}
          workspaceId={workspaceId}
          canManage={canManage}
        />
      ))}
    </Stack>
  );
}

interface MemberRowProps {
  member: WorkspaceMember;
  workspaceId: string;
  canManage: boolean;
}

function MemberRow({ member, workspaceId, canManage }: MemberRowProps) {
  const remove = useRemoveWorkspaceMember(workspaceId);

  function handleRemove() {
    remove.mutate(member);
  }

  return (
    <Group component="li" gap="sm" wrap="nowrap">
      <UserAvatar user={member.user} />
      <Text size="sm" style={{ flexGrow: 1 }} truncate>
        {member.user.name}
      </Text>
      <Badge
        variant="light"
        color={member.role === "admin" ? "indigo" : "gray"}
      >
        {roleLabels[member.role]}
      </Badge>
      {canManage && (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          loading={remove.isPending}
          onClick={handleRemove}
          aria-label={`Remove ${member.user.name} from this workspace`}
        >
          <CrossIcon size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}

interface AddMemberFormProps {
  workspaceId: string;
  present: WorkspaceMember[];
}

function AddMemberForm({ workspaceId, present }: AddMemberFormProps) {
  const organization = useMembersQuery();
  const add = useAddWorkspaceMember(workspaceId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<WorkspaceRole>("member");
  const presentIds = new Set(present.map((member) => member.user.id));
  const candidates = (organization.data ?? [])
    .filter((member) => !presentIds.has(member.user.id))
    .map((member) => ({ value: member.user.id, label: member.user.name }));

  function handleRoleChange(value: string | null) {
    setRole(value === "admin" ? "admin" : "member");
  }

  function handleAdd() {
    if (userId !== null) {
      add.mutate(
        { userId, role },
        {
          onSuccess: () => {
            setUserId(null);
          },
        },
      );
    }
  }

  return (
    <Stack
      gap="xs"
      pt="sm"
      style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
    >
      <Select
        label="Add a person"
        placeholder={
          candidates.length > 0 ? "Choose someone" : "Everyone is here"
        }
        data={candidates}
        value={userId}
        onChange={setUserId}
        searchable
        disabled={candidates.length === 0}
        size="sm"
      />
      <Group gap="xs" wrap="nowrap">
        <Select
          aria-label="Their role in this workspace"
          data={[
            { value: "member", label: "Member" },
            { value: "admin", label: "Admin" },
          ]}
          value={role}
          onChange={handleRoleChange}
          allowDeselect={false}
          size="sm"
          style={{ flexGrow: 1 }}
        />
        <Button
          size="sm"
          onClick={handleAdd}
          disabled={userId === null}
          loading={add.isPending}
        >
          Add
        </Button>
      </Group>
    </Stack>
  );
}
