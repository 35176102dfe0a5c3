import { Skeleton, Stack, Title } from "@mantine/core";

import { SectionError } from "../components/SectionError";
import { useMembersQuery } from "./member-queries";
import { MembersTable, type MembersViewer } from "./MembersTable";

/** Props of `MembersSection`. */
export interface MembersSectionProps {
  viewer: MembersViewer;
}

/** The members table with its loading and error states. */
export function MembersSection({ viewer }: MembersSectionProps) {
  const members = useMembersQuery();

  function handleRetry() {
    void members.refetch();
  }

  return (
    <Stack component="section" aria-labelledby="members" gap="sm">
      <Title order={2} size="h4" id="members">
        People
      </Title>
      {members.isPending && (
        <Skeleton height={120} aria-label="Loading members" />
      )}
      {members.isError && (
        <SectionError
          title="Could not load the members"
          error={members.error}
          onRetry={handleRetry}
        />
      )}
      {members.isSuccess && (
        <MembersTable members={members.data} viewer={viewer} />
      )}
    </Stack>
  );
}
