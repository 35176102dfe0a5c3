import { useCurrentSession } from "../auth/session-context";
import { useOutboxQuery } from "../outbox/outbox-query";
import { canManagePeople } from "../roles";

/** One entry of the main navigation. */
export interface NavItem {
  to: string;
  label: string;
}

/**
 * The pages this person can open: admin pages for owners and admins, and
 * the outbox only when the server keeps one (it answers 404 otherwise).
 */
export function useNavItems(): NavItem[] {
  const { role } = useCurrentSession();
  const manages = canManagePeople(role);
  const outbox = useOutboxQuery(manages);
  const items: NavItem[] = [
    { to: "/", label: "Home" },
    { to: "/workspaces", label: "Workspaces" },
    { to: "/settings/members", label: "Members" },
  ];
  if (manages) {
    items.push({ to: "/settings/security", label: "Security" });
  }
  if (manages && outbox.isSuccess) {
    items.push({ to: "/settings/outbox", label: "Outbox" });
  }
  return items;
}
