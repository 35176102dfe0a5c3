import type { Task, TaskListQuery } from "@ares/contracts";
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from "@tanstack/react-query";

import { fetchTask, fetchTaskPage } from "../api/tasks";
import { freshTask, reconcileTasks } from "./next-tasks";
import {
  isDeletedTask,
  taskKeys,
  withPendingChanges,
  type TaskPages,
} from "./task-cache";

/** Tasks asked for per request when loading a whole board. */
const boardPageSize = 200;

/**
 * Most tasks a board loads. A board this full is past reading anyway; the
 * list view pages through any number.
 */
const boardLimit = 2000;

async function fetchBoard(
  projectId: string,
  signal: AbortSignal,
): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchTaskPage(
      projectId,
      { sort: "position", order: "asc", limit: boardPageSize, cursor },
      signal,
    );
    tasks.push(...page.tasks);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && tasks.length < boardLimit);
  return tasks;
}

/** Loads every task of a project's board. */
export function useBoardTasks(projectId: string): UseQueryResult<Task[]> {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: taskKeys.board(projectId),
    queryFn: async ({ signal }) => {
      const fetched = await fetchBoard(projectId, signal);
      const held = queryClient.getQueryData<Task[]>(taskKeys.board(projectId));
      return reconcileTasks(
        held,
        fetched.filter((task) => !isDeletedTask(queryClient, task.id)),
      ).map((task) => withPendingChanges(queryClient, task));
    },
  });
}

/** Loads a filtered, sorted list of a project's tasks a page at a time. */
export function useTaskList(
  projectId: string,
  query: TaskListQuery,
): UseInfiniteQueryResult<TaskPages> {
  return useInfiniteQuery({
    queryKey: taskKeys.list(projectId, query),
    queryFn: ({ pageParam, signal }) =>
      fetchTaskPage(
        projectId,
        { ...query, cursor: pageParam ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/**
 * Loads one task, showing the board's copy meanwhile when there is one.
 * A copy held at a newer version than the answer is kept.
 */
export function useTask(
  projectId: string,
  taskId: string,
): UseQueryResult<Task> {
  const queryClient = useQueryClient();
  return useQuery<Task>({
    queryKey: taskKeys.detail(taskId),
    queryFn: async ({ signal }) => {
      const fetched = await fetchTask(taskId, signal);
      const held = queryClient.getQueryData<Task>(taskKeys.detail(taskId));
      return withPendingChanges(queryClient, freshTask(held, fetched));
    },
    placeholderData: () =>
      queryClient
        .getQueryData<Task[]>(taskKeys.board(projectId))
        ?.find((task) => task.id === taskId),
  });
}
