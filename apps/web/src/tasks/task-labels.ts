import type { Priority } from "@ares/contracts";

/** How each priority is named on screen. */
export const priorityLabels: Readonly<Record<Priority, string>> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

/** Badge colour of each priority; none shows no badge. */
export const priorityColors: Readonly<Record<Priority, string>> = {
  none: "gray",
  low: "blue",
  medium: "yellow",
  high: "orange",
  urgent: "red",
};

/** Every priority, lowest first, for pickers. */
export const priorities: readonly Priority[] = [
  "none",
  "low",
  "medium",
  "high",
  "urgent",
];

/** Narrows a picker's string value to a priority. */
export function isPriority(value: string | null): value is Priority {
  return value !== null && value in priorityLabels;
}
