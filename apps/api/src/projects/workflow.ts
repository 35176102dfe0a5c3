import type { WorkflowStatus } from "@ares/contracts";
import type { ProjectRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { AppError } from "../http/errors.js";

/** The statuses of `before` whose key `after` no longer has. */
export function droppedStatuses(
  before: readonly WorkflowStatus[],
  after: readonly WorkflowStatus[],
): WorkflowStatus[] {
  const kept = new Set(after.map((status) => status.key));
  return before.filter((status) => !kept.has(status.key));
}

/** Names statuses for people: `"In review" (in_review)`. */
function describe(statuses: readonly WorkflowStatus[]): string {
  return statuses
    .map((status) => `"${status.name}" (${status.key})`)
    .join(", ");
}

/**
 * Refuses a workflow that drops a status some task of the project is
 * still in: those tasks would be left nowhere on the board. Statuses may
 * be renamed, recategorized, reordered, added, or dropped once empty.
 */
export async function assertStatusesStillFree(
  tx: Tx,
  project: ProjectRow,
  workflow: readonly WorkflowStatus[],
): Promise<void> {
  const dropped = droppedStatuses(project.workflow, workflow);
  if (dropped.length === 0) {
    return;
  }
  const droppedKeys = dropped.map((status) => status.key);
  const used = await tx
    .selectFrom("tasks")
    .select("status")
    .distinct()
    .where("project_id", "=", project.id)
    .where("status", "in", droppedKeys)
    .execute();
  const inUse = dropped.filter((status) =>
    used.some((task) => task.status === status.key),
  );
  if (inUse.length > 0) {
    const message =
      `Tasks are still in ${describe(inUse)}; ` +
      "move them to another status before removing it";
    throw new AppError("conflict", message, [{ path: "workflow", message }]);
  }
}
