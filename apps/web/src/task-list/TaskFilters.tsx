import type { Project } from "@ares/contracts";
import { Button, Group, Select, TextInput } from "@mantine/core";
import type { ChangeEvent } from "react";

import { SearchIcon } from "../components/icons";
import { useMembersQuery } from "../members/member-queries";
import { hasFilters, noFilters, type TaskFilters } from "./list-query";

/** Props of `TaskFilterBar`. */
export interface TaskFilterBarProps {
  project: Project;
  filters: TaskFilters;
  onChange: (filters: TaskFilters) => void;
}

type TextFilter = "search" | "label" | "dueFrom" | "dueTo";

/** The list's filters: search, status, assignee, label and due dates. */
export function TaskFilterBar({
  project,
  filters,
  onChange,
}: TaskFilterBarProps) {
  const members = useMembersQuery();
  const statusOptions = project.workflow.map((status) => ({
    value: status.key,
    label: status.name,
  }));
  const assigneeOptions = [
    { value: "me", label: "Me" },
    { value: "none", label: "Unassigned" },
    ...(members.data ?? []).map((member) => ({
      value: member.user.id,
      label: member.user.name,
    })),
  ];

  function handleText(field: TextFilter) {
    return (event: ChangeEvent<HTMLInputElement>) => {
      onChange({ ...filters, [field]: event.currentTarget.value });
    };
  }

  function handleStatus(status: string | null) {
    onChange({ ...filters, status });
  }

  function handleAssignee(assignee: string | null) {
    onChange({ ...filters, assignee });
  }

  function handleClear() {
    onChange(noFilters);
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Words in title or description"
        type="search"
        leftSection={<SearchIcon size={14} />}
        value={filters.search}
        onChange={handleText("search")}
        w={{ base: "100%", sm: 260 }}
      />
      <Select
        label="Status"
        placeholder="Any"
        data={statusOptions}
        value={filters.status}
        onChange={handleStatus}
        clearable
        w={{ base: "47%", sm: 150 }}
      />
      <Select
        label="Assignee"
        placeholder="Anyone"
        data={assigneeOptions}
        value={filters.assignee}
        onChange={handleAssignee}
        clearable
        searchable
        w={{ base: "47%", sm: 170 }}
      />
      <TextInput
        label="Label"
        placeholder="Any"
        value={filters.label}
        onChange={handleText("label")}
        w={{ base: "47%", sm: 130 }}
      />
      <TextInput
        label="Due from"
        type="date"
        value={filters.dueFrom}
        onChange={handleText("dueFrom")}
        w={{ base: "47%", sm: 150 }}
      />
      <TextInput
        label="Due to"
        type="date"
        value={filters.dueTo}
        onChange={handleText("dueTo")}
        w={{ base: "47%", sm: 150 }}
      />
      {hasFilters(filters) && (
        <Button variant="subtle" color="gray" onClick={handleClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
