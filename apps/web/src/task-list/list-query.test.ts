import { describe, expect, it } from "vitest";

import {
  defaultSort,
  hasFilters,
  listQuery,
  nextSort,
  noFilters,
} from "./list-query";

describe("listQuery", () => {
  it("asks for the newest tasks first when nothing is set", () => {
    expect(listQuery(noFilters, defaultSort)).toEqual({
      sort: "created",
      order: "desc",
      limit: 50,
    });
    expect(hasFilters(noFilters)).toBe(false);
  });

  it("sends each filter set, trimmed", () => {
    const filters = {
      status: "todo",
      assignee: "me",
      label: " bug ",
      dueFrom: "2025-03-01",
      dueTo: "2025-03-31",
      search: "  login page ",
    };

    expect(listQuery(filters, { sort: "due", order: "desc" })).toEqual({
      sort: "due",
      order: "desc",
      limit: 50,
      status: "todo",
      assigneeId: "me",
      label: "bug",
      dueFrom: "2025-03-01",
      dueTo: "2025-03-31",
      q: "login page",
    });
    expect(hasFilters(filters)).toBe(true);
  });

  it("ignores a search of spaces", () => {
    expect(hasFilters({ ...noFilters, search: "   " })).toBe(false);
  });
});

describe("nextSort", () => {
  it("flips the direction of the sorted column", () => {
    expect(nextSort({ sort: "due", order: "asc" }, "due")).toEqual({
      sort: "due",
      order: "desc",
    });
  });

  it("starts other columns ascending, dates of change newest first", () => {
    expect(nextSort(defaultSort, "priority")).toEqual({
      sort: "priority",
      order: "asc",
    });
    expect(nextSort({ sort: "priority", order: "asc" }, "updated")).toEqual({
      sort: "updated",
      order: "desc",
    });
  });
});
