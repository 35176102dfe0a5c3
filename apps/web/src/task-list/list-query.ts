import type { TaskListQuery } from "@ares/contracts";

/** How the list can be sorted; "position" is the board's order. */
export type TaskSortKey = NonNullable<TaskListQuery["sort"]>;

/** The list's sort: a key and a direction. */
export interface TaskSort {
  sort: TaskSortKey;
  order: "asc" | "desc";
}

/** The list's filters as the user set them; empty means "any". */
export interface TaskFilters {
  status: string | null;
  /** A user id, "me" or "none" (unassigned). */
  assignee: string | null;
  label: string;
  dueFrom: string;
  dueTo: string;
  search: string;
}

/** No filter set. */
export const noFilters: TaskFilters = {
  status: null,
  assignee: null,
  label: "",
  dueFrom: "",
  dueTo: "",
  search: "",
};

/** Newest tasks first, the list's default. */
export const defaultSort: TaskSort = { sort: "created", order: "desc" };

/** Tasks a page of the list asks for. */
export const pageSize = 50;

/** The API query for the list's filters and sort. */
export function listQuery(filters: TaskFilters, sort: TaskSort): TaskListQuery {
  const query: TaskListQuery = { ...sort, limit: pageSize };
  if (filters.status !== null) {
    query.status = filters.status;
  }
  if (filters.assignee !== null) {
    query.assigneeId = filters.assignee;
  }
  const label = filters.label.trim();
  if (label !== "") {
    query.label = label;
  }
  if (filters.dueFrom !== "") {
    query.dueFrom = filters.dueFrom;
  }
  if (filters.dueTo !== "") {
    query.dueTo = filters.dueTo;
  }
  const search = filters.search.trim();
  if (search !== "") {
    query.q = search;
  }
  return query;
}

/** True when any filter narrows the list. */
export function hasFilters(filters: TaskFilters): boolean {
  return Object.keys(listQuery(filters, defaultSort)).length > 3;
}

/**
 * The sort after clicking a column header: the same column flips its
 * direction; another starts ascending, or descending for dates changed.
 */
export function nextSort(current: TaskSort, clicked: TaskSortKey): TaskSort {
  if (current.sort === clicked) {
    return { sort: clicked, order: current.order === "asc" ? "desc" : "asc" };
  }
  const newestFirst = clicked === "updated" || clicked === "created";
  return { sort: clicked, order: newestFirst ? "desc" : "asc" };
}
