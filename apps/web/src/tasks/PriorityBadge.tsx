import type { Priority } from "@ares/contracts";
import { Badge } from "@mantine/core";

import { priorityColors, priorityLabels } from "./task-labels";

/** Props of `PriorityBadge`. */
export interface PriorityBadgeProps {
  priority: Priority;
}

/** A task's priority as a coloured badge; nothing for no priority. */
export function PriorityBadge({ priority }: PriorityBadgeProps) {
  if (priority === "none") {
    return null;
  }
  return (
    <Badge size="xs" variant="light" color={priorityColors[priority]}>
      {priorityLabels[priority]}
    </Badge>
  );
}
