import type { Task } from "@ares/contracts";
import type { TaskRow, UserRow } from "../db/schema.js";
import { presentUser } from "./session.js";

type PersonFields = Pick<UserRow, "id" | "email" | "name">;

/** A task row with the people it names, as loaded for presenting. */
export interface TaskWithPeople extends TaskRow {
  projectKey: string;
  assignee: PersonFields | null;
  createdByUser: PersonFields | null;
}

export function presentTask(task: TaskWithPeople): Task {
  return {
    id: task.id,
    projectId: task.project_id,
    key: `${task.projectKey}-${task.number}`,
    number: task.number,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    assignee: task.assignee ? presentUser(task.assignee) : null,
    dueDate: task.due_date,
    labels: task.labels,
    estimate: task.estimate === null ? null : Number(task.estimate),
    position: task.position,
    createdBy: task.createdByUser ? presentUser(task.createdByUser) : null,
    createdAt: task.created_at.toISOString(),
    updatedAt: task.updated_at.toISOString(),
    statusChangedAt: task.status_changed_at.toISOString(),
    completedAt: task.completed_at?.toISOString() ?? null,
    version: task.version,
  };
}
