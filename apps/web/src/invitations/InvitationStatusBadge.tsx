import type { InvitationStatus } from "@ares/contracts";
import { Badge } from "@mantine/core";

const statusColors: Readonly<Record<InvitationStatus, string>> = {
  pending: "blue",
  accepted: "teal",
  revoked: "gray",
  expired: "orange",
};

const statusLabels: Readonly<Record<InvitationStatus, string>> = {
  pending: "Pending",
  accepted: "Accepted",
  revoked: "Revoked",
  expired: "Expired",
};

/** Props of `InvitationStatusBadge`. */
export interface InvitationStatusBadgeProps {
  status: InvitationStatus;
}

/** Where an invitation stands, colored by whether it still needs action. */
export function InvitationStatusBadge({ status }: InvitationStatusBadgeProps) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {statusLabels[status]}
    </Badge>
  );
}
