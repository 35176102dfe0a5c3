import type {
  Comment,
  Project,
  Task,
  TaskListQuery,
  Workspace,
} from "@ares/contracts";
import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";

import { sessionQueryKey } from "../auth/session-query";
import {
  commentPagesAfter,
  loadedComments,
  type CommentPages,
} from "../comments/comment-pages";
import { membersQueryKey } from "../members/member-queries";
import { projectKeys } from "../projects/project-queries";
import {
  applyTaskEvent,
  cachedTask,
  forgetDeletedTask,
  isDeletedTask,
  refreshActivity,
  taskKeys,
  type TaskPages,
} from "../tasks/task-cache";
import { workspaceKeys } from "../workspaces/workspace-queries";
import type { LiveEvent } from "./live-events";
import {
  isNewer,
  listMissesChange,
  mayMatchList,
  newerRecord,
  withNewerRecord,
} from "./live-merge";

/**
 * Brings the cache up to date with one event from the server. `selfId` is
 * the signed-in person, whose own role may be the one that changed.
 */
export function applyLiveEvent(
  queryClient: QueryClient,
  event: LiveEvent,
  selfId: string,
): void {
  switch (event.type) {
    case "taskChanged":
      applyTaskChange(queryClient, event.task, selfId);
      return;
    case "taskDeleted":
      forgetDeletedTask(queryClient, event.projectId, event.taskId);
      return;
    case "commentCreated":
      applyComment(queryClient, event.comment);
      return;
    case "commentDeleted":
      applyCommentDeletion(queryClient, event.taskId, event.commentId);
      return;
    case "projectUpdated":
      applyProject(queryClient, event.project);
      return;
    case "projectDeleted":
      forgetDeleted(
        queryClient,
        projectKeys.detail(event.projectId),
        projectKeys.lists,
      );
      return;
    case "workspaceUpdated":
      applyWorkspace(queryClient, event.workspace);
      return;
    case "workspaceDeleted":
      forgetDeleted(
        queryClient,
        workspaceKeys.detail(event.workspaceId),
        workspaceKeys.all,
      );
      return;
    case "memberUpdated":
      void queryClient.invalidateQueries({ queryKey: membersQueryKey });
      if (event.member.user.id === selfId) {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      }
      return;
    case "memberRemoved":
      void queryClient.invalidateQueries({ queryKey: membersQueryKey });
      // They also left every workspace they were in.
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      return;
    case "presenceChanged":
      // Presence is not cached data; the connection keeps it.
      return;
  }
}

/**
 * A task created, edited or moved by someone: the board and the task's own
 * query take it if it is newer (the same rule as a mutation's answer, so a
 * pending edit is never overwritten by an older copy, and its answer or
 * conflict settles it afterwards). Lists holding an older copy are asked
 * again, as are lists without it whose filters it may now match.
 */
function applyTaskChange(
  queryClient: QueryClient,
  task: Task,
  selfId: string,
): void {
  if (isDeletedTask(queryClient, task.id)) {
    return;
  }
  const isNews = isNewer(
    cachedTask(queryClient, task.projectId, task.id),
    task,
  );
  const behind = queryClient
    .getQueriesData<TaskPages>({ queryKey: taskKeys.lists(task.projectId) })
    .filter(
      ([key, data]) =>
        data !== undefined &&
        listMissesChange(data, task) &&
        (listHolds(data, task.id) ||
          mayMatchList(listQueryOf(key), task, selfId)),
    )
    .map(([key]) => key);

  applyTaskEvent(queryClient, task.projectId, { type: "received", task });
  for (const queryKey of behind) {
    void queryClient.invalidateQueries({ queryKey, exact: true });
  }
  if (isNews) {
    void refreshActivity(queryClient, task.id);
  }
}

function listHolds(data: TaskPages, taskId: string): boolean {
  return data.pages.some((page) => page.tasks.some(({ id }) => id === taskId));
}

/** The filters a list was asked with, from its cache key. */
function listQueryOf(key: QueryKey): TaskListQuery {
  const query = key[3];
  return typeof query === "object" && query !== null ? query : {};
}

/** A new comment joins its task's conversation, once. */
function applyComment(queryClient: QueryClient, comment: Comment): void {
  const key = taskKeys.comments(comment.taskId);
  const held = queryClient.getQueryData<CommentPages>(key);
  if (held === undefined) {
    void refreshActivity(queryClient, comment.taskId);
    return;
  }
  if (loadedComments(held).some(({ id }) => id === comment.id)) {
    return;
  }
  queryClient.setQueryData<CommentPages>(
    key,
    commentPagesAfter(held, { type: "received", comment }),
  );
  void refreshActivity(queryClient, comment.taskId);
}

/**
 * A deleted project or workspace: an open page asks for it again and says
 * it is gone, and lists that showed it are asked again.
 */
function forgetDeleted(
  queryClient: QueryClient,
  detailKey: QueryKey,
  listsKey: QueryKey,
): void {
  void queryClient.resetQueries({ queryKey: detailKey, exact: true });
  void queryClient.invalidateQueries({ queryKey: listsKey });
}

/** A deleted comment leaves its task's conversation. */
function applyCommentDeletion(
  queryClient: QueryClient,
  taskId: string,
  commentId: string,
): void {
  queryClient.setQueryData<CommentPages>(
    taskKeys.comments(taskId),
    (held) => held && commentPagesAfter(held, { type: "removed", commentId }),
  );
  void refreshActivity(queryClient, taskId);
}

/**
 * A project's new name, workflow or archived state. Lists of projects are
 * filtered by archived state, so they are asked again when next shown.
 */
function applyProject(queryClient: QueryClient, project: Project): void {
  const key = projectKeys.detail(project.id);
  const held = queryClient.getQueryData<Project>(key);
  if (held === undefined || !isNewer(held, project)) {
    return;
  }
  queryClient.setQueryData(key, project);
  void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
}

/** A workspace's new name or description, wherever it is shown. */
function applyWorkspace(queryClient: QueryClient, workspace: Workspace): void {
  queryClient.setQueryData<Workspace>(
    workspaceKeys.detail(workspace.id),
    (held) => held && newerRecord(held, workspace),
  );
  queryClient.setQueryData<Workspace[]>(
    workspaceKeys.all,
    (list) => list && withNewerRecord(list, workspace),
  );
}

/**
 * Asks again for what was loaded before `since`, when events from then on
 * may have been missed: a project's tasks, the project and its workspace,
 * and open tasks; or, for `projectId` null, the organization's members.
 * Only what is on screen is fetched at once; the rest when next shown.
 */
export function refetchMissed(
  queryClient: QueryClient,
  projectId: string | null,
  since: number,
): void {
  const loadedBefore = (query: Query) => query.state.dataUpdatedAt < since;
  const scopes =
    projectId === null
      ? [membersQueryKey]
      : [
          taskKeys.project(projectId),
          projectKeys.detail(projectId),
          // Task keys do not name their project; the others only go stale.
          ["task"],
          workspaceKeys.all,
        ];
  for (const queryKey of scopes) {
    void queryClient.invalidateQueries({ queryKey, predicate: loadedBefore });
  }
}
