import { isPriority, priorityLabels } from "../tasks/task-labels";

/** What naming a field's value needs beyond the value itself. */
export interface FieldValueNames {
  status: (key: string) => string;
  person: (userId: string) => string | null;
  date: (isoDate: string) => string;
}

/** How each field of a task is named on screen, by its API name. */
export const fieldLabels: Readonly<Record<string, string>> = {
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  assigneeId: "Assignee",
  dueDate: "Due date",
  labels: "Labels",
  estimate: "Estimate",
};

/**
 * A field's value as the API sends it (the assignee as an id), in words
 * a person reads: a status' name, a priority's label, "No labels".
 */
export function showFieldValue(
  field: string,
  value: unknown,
  names: FieldValueNames,
): string {
  switch (field) {
    case "status":
      return typeof value === "string" ? names.status(value) : "—";
    case "priority":
      return typeof value === "string" && isPriority(value)
        ? priorityLabels[value]
        : "—";
    case "assigneeId":
      return typeof value === "string"
        ? (names.person(value) ?? "Someone no longer here")
        : "Unassigned";
    case "dueDate":
      return typeof value === "string" ? names.date(value) : "No due date";
    case "labels":
      return Array.isArray(value) && value.length > 0
        ? value.map(String).join(", ")
        : "No labels";
    case "estimate":
      return typeof value === "number" ? String(value) : "No estimate";
    default:
      return typeof value === "string" && value !== "" ? value : "(empty)";
  }
}
