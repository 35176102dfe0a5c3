import type { Project } from "@ares/contracts";
import { Button, Center, Skeleton, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

import { EmptyNote } from "../components/EmptyNote";
import { SectionError } from "../components/SectionError";
import { useTaskList } from "../tasks/task-queries";
import {
  defaultSort,
  hasFilters,
  listQuery,
  nextSort,
  noFilters,
  type TaskFilters,
  type TaskSortKey,
} from "./list-query";
import { TaskFilterBar } from "./TaskFilters";
import { TaskTable } from "./TaskTable";

/** Props of `TaskListView`. */
export interface TaskListViewProps {
  project: Project;
}

/** Typing pauses this long before the list is asked again. */
const typingPause = 300;

/** The list tab: filters, a sortable table and "Load more". */
export function TaskListView({ project }: TaskListViewProps) {
  const [filters, setFilters] = useState<TaskFilters>(noFilters);
  const [sort, setSort] = useState(defaultSort);
  const [search] = useDebouncedValue(filters.search, typingPause);
  const [label] = useDebouncedValue(filters.label, typingPause);
  const list = useTaskList(
    project.id,
    listQuery({ ...filters, search, label }, sort),
  );

  function handleSort(column: TaskSortKey) {
    setSort((current) => nextSort(current, column));
  }

  function handleClear() {
    setFilters(noFilters);
  }

  function handleRetry() {
    void list.refetch();
  }

  function handleLoadMore() {
    void list.fetchNextPage();
  }

  const tasks = list.data?.pages.flatMap((page) => page.tasks);
  return (
    <Stack gap="md">
      <TaskFilterBar
        project={project}
        filters={filters}
        onChange={setFilters}
      />
      {list.isPending && <ListSkeleton />}
      {tasks === undefined && list.isError && (
        <SectionError
          title="Could not load the tasks"
          error={list.error}
          onRetry={handleRetry}
        />
      )}
      {tasks?.length === 0 && (
        <EmptyNote
          title={
            hasFilters(filters)
              ? "No tasks match these filters"
              : "No tasks yet"
          }
          description={
            hasFilters(filters)
              ? "Try fewer filters, or other words."
              : "Add the first ones from the board."
          }
          action={
            hasFilters(filters) ? (
              <Button variant="default" onClick={handleClear}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
      )}
      {tasks !== undefined && tasks.length > 0 && (
        <Stack
          gap="md"
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
          aria-busy={list.isFetching}
        >
          <TaskTable
            project={project}
            tasks={tasks}
            sort={sort}
            onSort={handleSort}
          />
          {list.isFetchNextPageError && (
            <SectionError
              title="Could not load more tasks"
              error={list.error}
              onRetry={handleLoadMore}
            />
          )}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={handleLoadMore}
              >
                Load more
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function ListSkeleton() {
  return (
    <Stack gap="xs" role="status" aria-label="Loading tasks">
      {[1, 2, 3, 4].map((row) => (
        <Skeleton key={row} height={36} />
      ))}
    </Stack>
  );
}
