import {
  taskListSchema,
  taskSchema,
  type CreateTaskRequest,
  type MoveTaskRequest,
  type Task,
  type TaskListQuery,
  type UpdateTaskRequest,
} from "@ares/contracts";

import { apiCommand, apiRequest } from "./client";

/** One page of a task list, and the cursor of the next one. */
export interface TaskPage {
  tasks: Task[];
  nextCursor: string | null;
}

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/** The query string of a task list; unset filters are left out. */
export function taskListSearch(query: TaskListQuery): string {
  const search = new URLSearchParams();
  const entries = Object.entries(query) as [
    string,
    string | number | undefined,
  ][];
  for (const [name, value] of entries) {
    if (value !== undefined && value !== "") {
      search.set(name, String(value));
    }
  }
  return search.toString();
}

/** One page of a project's tasks, filtered and sorted. */
export function fetchTaskPage(
  projectId: string,
  query: TaskListQuery,
  signal?: AbortSignal,
): Promise<TaskPage> {
  const path = `/projects/${encodeURIComponent(projectId)}/tasks`;
  return apiRequest(`${path}?${taskListSearch(query)}`, taskListSchema, {
    signal,
  });
}

/** Creates a task at the end of its status column. */
export function createTask(
  projectId: string,
  input: CreateTaskRequest,
): Promise<Task> {
  const path = `/projects/${encodeURIComponent(projectId)}/tasks`;
  return apiRequest(path, taskSchema, { method: "POST", body: input });
}

/** One task. */
export function fetchTask(id: string, signal?: AbortSignal): Promise<Task> {
  return apiRequest(taskPath(id), taskSchema, { signal });
}

/** Edits a task from `baseVersion`; a clash answers 409 with both sides. */
export function updateTask(
  id: string,
  input: UpdateTaskRequest,
): Promise<Task> {
  return apiRequest(taskPath(id), taskSchema, { method: "PATCH", body: input });
}

/** Moves a task to a status, between two neighbours of that column. */
export function moveTask(id: string, input: MoveTaskRequest): Promise<Task> {
  return apiRequest(`${taskPath(id)}/move`, taskSchema, {
    method: "POST",
    body: input,
  });
}

/** Deletes a task with its comments. */
export function deleteTask(id: string): Promise<void> {
  return apiCommand(taskPath(id), { method: "DELETE" });
}
