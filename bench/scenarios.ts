import type autocannon from "autocannon";
import { z } from "zod";
import { prioritySchema, type Priority } from "@ares/contracts";
import type { TargetOrg, TargetTask, Targets } from "./targets.js";

/** One measured workload: what it does, to whom, and its request. */
export interface Scenario {
  name: "list" | "read" | "update" | "mixed reads";
  org: string;
  /** The organizations it touches. */
  targets: TargetOrg[];
  /** Built afresh for each run, after the owners have signed in. */
  request(): autocannon.Request;
}

const pageSize = 50;

function auth(org: TargetOrg) {
  return { authorization: `Bearer ${org.accessToken}` };
}

function listPath(org: TargetOrg): string {
  return `/api/projects/${org.projectId}/tasks?limit=${pageSize}`;
}

function readPath(task: TargetTask): string {
  return `/api/tasks/${task.id}`;
}

/** Cycles through `items` across every connection of a run. */
function cycle<T>(items: T[]): () => T {
  let next = 0;
  return () => {
    const item = items[next % items.length];
    next += 1;
    if (item === undefined) {
      throw new Error("Nothing to cycle through");
    }
    return item;
  };
}

/** The first page of the project's tasks, in board order. */
function listRequest(org: TargetOrg): autocannon.Request {
  return { method: "GET", path: listPath(org), headers: auth(org) };
}

/** One task after another from the organization's sample. */
function readRequest(org: TargetOrg): autocannon.Request {
  const nextTask = cycle(org.tasks);
  return {
    method: "GET",
    headers: auth(org),
    setupRequest: (request) => ({ ...request, path: readPath(nextTask()) }),
  };
}

const editedTask = z.looseObject({
  version: z.number(),
  priority: prioritySchema,
});
const conflict = z.looseObject({
  error: z.looseObject({ conflict: z.looseObject({ current: editedTask }) }),
});
const priorities = prioritySchema.options;

function otherPriority(current: Priority, turn: number): Priority {
  const choices = priorities.filter((priority) => priority !== current);
  return choices[turn % choices.length] ?? "none";
}

/** What autocannon keeps between a request and its answer. */
interface EditContext {
  task?: TargetTask;
}

/** Reads back what the server now holds for a task, if the body says. */
function remember(task: TargetTask, status: number, body: string): void {
  if (status !== 200 && status !== 409) {
    return;
  }
  const parsed: unknown = JSON.parse(body);
  const seen =
    status === 200
      ? editedTask.safeParse(parsed).data
      : conflict.safeParse(parsed).data?.error.conflict.current;
  if (seen) {
    task.version = seen.version;
    task.priority = seen.priority;
  }
}

/**
 * Edits title and priority of one task after another, from the version
 * last seen of it (If-Match), as a client editing from a fresh read does.
 * Each answer, a conflict's included, updates what the editor saw.
 */
function updateRequest(org: TargetOrg): autocannon.Request {
  const nextTask = cycle(org.tasks);
  let edits = 0;
  return {
    method: "PATCH",
    setupRequest: (request, context) => {
      const task = nextTask();
      edits += 1;
      (context as EditContext).task = task;
      return {
        ...request,
        path: readPath(task),
        headers: {
          ...auth(org),
          "content-type": "application/json",
          "if-match": `"${task.version}"`,
        },
        body: JSON.stringify({
          title: `Edited by the benchmark (${edits})`,
          priority: otherPriority(task.priority, edits),
        }),
      };
    },
    onResponse: (status, body, context) => {
      const { task } = context as EditContext;
      if (task) {
        remember(task, status, body);
      }
    },
  };
}

/**
 * Alternates a first page and a task read, each time in the next of
 * many organizations, every one with its own owner's token.
 */
function mixedRequest(orgs: TargetOrg[]): autocannon.Request {
  const readers = orgs.map((org) => ({ org, nextTask: cycle(org.tasks) }));
  const nextReader = cycle(readers);
  let turn = 0;
  return {
    method: "GET",
    setupRequest: (request) => {
      const { org, nextTask } = nextReader();
      turn += 1;
      const listing = Math.floor(turn / readers.length) % 2 === 0;
      return {
        ...request,
        headers: auth(org),
        path: listing ? listPath(org) : readPath(nextTask()),
      };
    },
  };
}

/** Every scenario, in the order they run and are reported. */
export function scenarios(targets: Targets): Scenario[] {
  const { smallest, largest, mixed } = targets;
  const mixedLabel = `${mixed.length} mid-size`;
  return [
    {
      name: "list",
      org: "smallest",
      targets: [smallest],
      request: () => listRequest(smallest),
    },
    {
      name: "list",
      org: "largest",
      targets: [largest],
      request: () => listRequest(largest),
    },
    {
      name: "read",
      org: "smallest",
      targets: [smallest],
      request: () => readRequest(smallest),
    },
    {
      name: "read",
      org: "largest",
      targets: [largest],
      request: () => readRequest(largest),
    },
    {
      name: "update",
      org: "smallest",
      targets: [smallest],
      request: () => updateRequest(smallest),
    },
    {
      name: "update",
      org: "largest",
      targets: [largest],
      request: () => updateRequest(largest),
    },
    {
      name: "mixed reads",
      org: mixedLabel,
      targets: mixed,
      request: () => mixedRequest(mixed),
    },
  ];
}
