/** Builders of work records as the API presents them, for unit tests. */
import type { Activity, Comment, Task, User } from "@ares/contracts";

let counter = 0;

/** A uuid-shaped id that sorts in creation order. */
export function testId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`;
}

/** A person. */
export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: testId(),
    email: "ada@example.com",
    name: "Ada Lovelace",
    ...overrides,
  };
}

/** A task of project "ENG" in "todo", at version 1. */
export function buildTask(overrides: Partial<Task> = {}): Task {
  const id = overrides.id ?? testId();
  return {
    id,
    projectId: "00000000-0000-4000-8000-00000000abcd",
    key: "ENG-1",
    number: 1,
    title: "Write the spec",
    description: "",
    status: "todo",
    priority: "none",
    assignee: null,
    dueDate: null,
    labels: [],
    estimate: null,
    position: 1024,
    createdBy: null,
    createdAt: "2025-03-01T10:00:00.000Z",
    updatedAt: "2025-03-01T10:00:00.000Z",
    statusChangedAt: "2025-03-01T10:00:00.000Z",
    completedAt: null,
    version: 1,
    ...overrides,
  };
}

/** One entry of a task's history. */
export function buildActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: testId(),
    kind: "updated",
    field: null,
    from: null,
    to: null,
    actor: null,
    version: 2,
    at: "2025-03-01T10:00:00.000Z",
    ...overrides,
  };
}

/** A saved comment on a task. */
export function buildComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: testId(),
    taskId: testId(),
    author: null,
    body: "Looks good",
    createdAt: "2025-03-01T10:00:00.000Z",
    updatedAt: "2025-03-01T10:00:00.000Z",
    version: 1,
    ...overrides,
  };
}
