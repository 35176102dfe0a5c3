import type { Project, Task } from "@ares/contracts";

/** A task assigned to the reader, with the project it belongs to. */
export interface WorkItem {
  task: Task;
  project: Project;
}

/** How many of one's open tasks the home page lists. */
export const workShown = 8;

/**
 * One's open tasks across projects: finished and cancelled ones left out,
 * the soonest due first and those without a date last.
 */
export function openWork(items: readonly WorkItem[]): WorkItem[] {
  return items
    .filter(({ task, project }) => {
      const status = project.workflow.find(({ key }) => key === task.status);
      return status?.category === "todo" || status?.category === "in_progress";
    })
    .sort(
      (a, b) =>
        (a.task.dueDate ?? "9999-12-31").localeCompare(
          b.task.dueDate ?? "9999-12-31",
        ) || b.task.updatedAt.localeCompare(a.task.updatedAt),
    )
    .slice(0, workShown);
}
