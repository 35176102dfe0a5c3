import type { MyOrganization } from "@ares/contracts";
import { Box, Button, CheckIcon, Menu, Text } from "@mantine/core";

import { useCurrentSession } from "../auth/session-context";
import { roleLabels } from "../roles";
import {
  useMyOrganizationsQuery,
  useSwitchOrganization,
} from "./organization-queries";

/**
 * The current organization's name; a menu to enter another one when the
 * person belongs to several.
 */
export function OrganizationSwitcher() {
  const { organization } = useCurrentSession();
  const organizations = useMyOrganizationsQuery();
  if (!organizations.isSuccess || organizations.data.length < 2) {
    return (
      <Text c="dimmed" truncate maw={220}>
        {organization.name}
      </Text>
    );
  }
  return (
    <OrganizationMenu
      currentName={organization.name}
      organizations={organizations.data}
    />
  );
}

interface OrganizationMenuProps {
  currentName: string;
  organizations: MyOrganization[];
}

function OrganizationMenu({
  currentName,
  organizations,
}: OrganizationMenuProps) {
  const switching = useSwitchOrganization();
  return (
    <Menu position="bottom-start" width={260}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          loading={switching.isPending}
          rightSection={<span aria-hidden="true">▾</span>}
          aria-label={`Organization: ${currentName}. Switch organization`}
          maw={240}
        >
          <Text truncate span>
            {currentName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Switch organization</Menu.Label>
        {organizations.map((candidate) => (
          <OrganizationItem
            key={candidate.id}
            organization={candidate}
            onSelect={switching.mutate}
          />
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

interface OrganizationItemProps {
  organization: MyOrganization;
  onSelect: (organizationId: string) => void;
}

function OrganizationItem({ organization, onSelect }: OrganizationItemProps) {
  function handleClick() {
    onSelect(organization.id);
  }

  // A suspended organization refuses to be entered; say so instead of
  // offering a switch that can only fail.
  return (
    <Menu.Item
      disabled={organization.current || organization.suspended}
      leftSection={
        <Box w={12}>{organization.current && <CheckIcon size={10} />}</Box>
      }
      rightSection={
        <Text size="xs" c="dimmed">
          {organization.suspended ? "Suspended" : roleLabels[organization.role]}
        </Text>
      }
      onClick={handleClick}
    >
      {organization.name}
    </Menu.Item>
  );
}
