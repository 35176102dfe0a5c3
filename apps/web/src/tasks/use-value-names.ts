import type { Project } from "@ares/contracts";

import { formatDay } from "../format";
import { useMembersQuery } from "../members/member-queries";
import type { FieldValueNames } from "../task-panel/field-values";

/**
 * How a project's task values read on screen: statuses by their name in
 * the project's workflow, people by name (null for someone no longer a
 * member), dates as the reader writes them.
 */
export function useValueNames(project: Project): FieldValueNames {
  const members = useMembersQuery();
  return {
    status: (key) =>
      project.workflow.find((status) => status.key === key)?.name ?? key,
    person: (userId) =>
      members.data?.find((member) => member.user.id === userId)?.user.name ??
      null,
    date: formatDay,
  };
}
