import { Burger, Button, Group, Menu } from "@mantine/core";
import { Link, useMatch } from "react-router";

import { useNavItems, type NavItem } from "./nav-links";

/** The main navigation: links on wide screens, a menu on narrow ones. */
export function MainNav() {
  const items = useNavItems();
  return (
    <>
      <Group component="nav" aria-label="Main" gap={4} visibleFrom="sm">
        {items.map((item) => (
          <HeaderLink key={item.to} item={item} />
        ))}
      </Group>
      <CompactNav items={items} />
    </>
  );
}

interface HeaderLinkProps {
  item: NavItem;
}

function HeaderLink({ item }: HeaderLinkProps) {
  const active = useMatch({ path: item.to, end: item.to === "/" }) !== null;
  return (
    <Button
      component={Link}
      to={item.to}
      variant={active ? "light" : "subtle"}
      color={active ? undefined : "gray"}
      size="compact-sm"
      aria-current={active ? "page" : undefined}
    >
      {item.label}
    </Button>
  );
}

interface CompactNavProps {
  items: NavItem[];
}

function CompactNav({ items }: CompactNavProps) {
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Burger size="sm" hiddenFrom="sm" aria-label="Open navigation" />
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item key={item.to} component={Link} to={item.to}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
