import type { Activity } from "@ares/contracts";

import { priorityLabels, isPriority } from "../tasks/task-labels";

/** What a description of activity needs to name statuses and people. */
export interface ActivityNames {
  /** A status' name in the project's workflow, or its key if unknown. */
  status: (key: string) => string;
  /** A person's name, or null when they are not known here. */
  person: (userId: string) => string | null;
  /** A due date as the reader writes dates. */
  date: (isoDate: string) => string;
}

/**
 * One entry of a task's history as a phrase that follows the actor's
 * name: "changed priority from Low to High".
 */
export function describeActivity(
  activity: Activity,
  names: ActivityNames,
): string {
  switch (activity.kind) {
    case "created":
      return "created the task";
    case "commented":
      return "commented";
    case "updated":
    case "moved":
      return describeChange(activity.field, activity.from, activity.to, names);
  }
}

function describeChange(
  field: string | null,
  from: unknown,
  to: unknown,
  names: ActivityNames,
): string {
  switch (field) {
    case "title":
      return `renamed the task from “${text(from)}” to “${text(to)}”`;
    case "description":
      return "edited the description";
    case "status":
      return `moved the task from ${names.status(text(from))} to ${names.status(text(to))}`;
    case "position":
      return "reordered the task";
    case "priority":
      return `changed priority from ${priorityName(from)} to ${priorityName(to)}`;
    case "assigneeId":
      return describeAssignee(from, to, names);
    case "dueDate":
      return describeOptional("the due date", from, to, (value) =>
        names.date(text(value)),
      );
    case "estimate":
      return describeOptional("the estimate", from, to, text);
    case "labels":
      return describeLabels(from, to);
    case null:
    default:
      return "changed the task";
  }
}

function text(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  return typeof value === "number" ? String(value) : "";
}

function priorityName(value: unknown): string {
  const key = text(value);
  return isPriority(key) && key !== "none"
    ? priorityLabels[key].toLowerCase()
    : "none";
}

function describeAssignee(
  from: unknown,
  to: unknown,
  names: ActivityNames,
): string {
  const person = (value: unknown) =>
    names.person(text(value)) ?? "someone no longer here";
  if (to === null) {
    return from === null
      ? "changed the assignee"
      : `unassigned ${person(from)}`;
  }
  if (from === null) {
    return `assigned ${person(to)}`;
  }
  return `reassigned the task from ${person(from)} to ${person(to)}`;
}

function describeOptional(
  what: string,
  from: unknown,
  to: unknown,
  show: (value: unknown) => string,
): string {
  if (to === null) {
    return `removed ${what}`;
  }
  if (from === null) {
    return `set ${what} to ${show(to)}`;
  }
  return `changed ${what} from ${show(from)} to ${show(to)}`;
}

function labelList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

function describeLabels(from: unknown, to: unknown): string {
  const before = labelList(from);
  const after = labelList(to);
  const added = after.filter((label) => !before.includes(label));
  const removed = before.filter((label) => !after.includes(label));
  const parts: string[] = [];
  if (added.length > 0) {
    parts.push(`added ${plural("label", added)} ${added.join(", ")}`);
  }
  if (removed.length > 0) {
    parts.push(`removed ${plural("label", removed)} ${removed.join(", ")}`);
  }
  return parts.length > 0 ? parts.join(" and ") : "reordered the labels";
}

function plural(word: string, items: readonly string[]): string {
  return items.length === 1 ? word : `${word}s`;
}

/**
 * The entries worth showing: a move across columns is recorded as a
 * status change and a position change of the same version, and the
 * status change says enough.
 */
export function visibleActivity(activity: readonly Activity[]): Activity[] {
  const statusVersions = new Set(
    activity
      .filter((entry) => entry.field === "status")
      .map((entry) => entry.version),
  );
  return activity.filter(
    (entry) => entry.field !== "position" || !statusVersions.has(entry.version),
  );
}
