import { Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

import type { TaskSort, TaskSortKey } from "./list-query";

/** Props of `SortHeader`. */
export interface SortHeaderProps {
  column: TaskSortKey;
  sort: TaskSort;
  onSort: (column: TaskSortKey) => void;
  children: ReactNode;
}

/** A column header that sorts the list by it, and says how it is sorted. */
export function SortHeader({
  column,
  sort,
  onSort,
  children,
}: SortHeaderProps) {
  const sorted = sort.sort === column;
  const direction = sort.order === "asc" ? "ascending" : "descending";

  function handleClick() {
    onSort(column);
  }

  return (
    <Table.Th aria-sort={sorted ? direction : "none"}>
      <UnstyledButton
        onClick={handleClick}
        fw={600}
        fz="sm"
        style={{ whiteSpace: "nowrap" }}
      >
        {children}
        <span aria-hidden="true" style={{ opacity: sorted ? 1 : 0.3 }}>
          {" "}
          {sorted && sort.order === "desc" ? "↓" : "↑"}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
