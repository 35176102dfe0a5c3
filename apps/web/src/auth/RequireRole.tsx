import type { Role } from "@ares/contracts";
import { Alert, Center } from "@mantine/core";
import { Outlet } from "react-router";

import { isAtLeast, roleLabels } from "../roles";
import { useCurrentSession } from "./session-context";

/** Props of `RequireRole`. */
export interface RequireRoleProps {
  /** The lowest role that may see the pages below. */
  floor: Role;
}

/**
 * Route guard for pages meant for some roles only; the API refuses the data
 * anyway, this explains why instead of showing an error.
 */
export function RequireRole({ floor }: RequireRoleProps) {
  const { role } = useCurrentSession();
  if (isAtLeast(role, floor)) {
    return <Outlet />;
  }
  return (
    <Center mih="40vh">
      <Alert color="gray" title="Not available to you" maw={480}>
        Only people with the {roleLabels[floor]} role or above can see this
        page. You are {roleLabels[role].toLowerCase()} here.
      </Alert>
    </Center>
  );
}
