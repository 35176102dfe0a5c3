import { defaultWorkflow, type Project, type Task } from "@ares/contracts";
import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it } from "vitest";

import { sessionQueryKey } from "../auth/session-query";
import { loadedComments, type CommentPages } from "../comments/comment-pages";
import { membersQueryKey } from "../members/member-queries";
import { projectKeys } from "../projects/project-queries";
import { workspaceKeys } from "../workspaces/workspace-queries";
import {
  applyPendingChange,
  applyTaskEvent,
  isDeletedTask,
  taskKeys,
  withPendingChanges,
  type TaskPages,
} from "../tasks/task-cache";
import {
  buildComment,
  buildTask,
  buildUser,
  testId,
} from "../test/work-factories";
import { applyLiveEvent, refetchMissed } from "./live-cache";

const projectId = buildTask().projectId;
const selfId = testId();
const listQuery = { sort: "position", order: "asc" } as const;

/** A cache holding the project's board, one list and each task's query. */
function cacheWith(...tasks: Task[]): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryData(taskKeys.board(projectId), tasks);
  queryClient.setQueryData<TaskPages>(taskKeys.list(projectId, listQuery), {
    pages: [{ tasks, nextCursor: null }],
    pageParams: [null],
  });
  for (const task of tasks) {
    queryClient.setQueryData(taskKeys.detail(task.id), task);
  }
  return queryClient;
}

function board(queryClient: QueryClient): Task[] | undefined {
  return queryClient.getQueryData<Task[]>(taskKeys.board(projectId));
}

function listTasks(queryClient: QueryClient): Task[] | undefined {
  return queryClient
    .getQueryData<TaskPages>(taskKeys.list(projectId, listQuery))
    ?.pages.flatMap((page) => page.tasks);
}

function listIsStale(queryClient: QueryClient): boolean | undefined {
  return queryClient.getQueryState(taskKeys.list(projectId, listQuery))
    ?.isInvalidated;
}

function changed(task: Task) {
  return { type: "taskChanged", task } as const;
}

describe("applyLiveEvent for tasks", () => {
  it("ignores an event no newer than the copy held", () => {
    const task = buildTask({ title: "Current", version: 3 });
    const queryClient = cacheWith(task);

    applyLiveEvent(
      queryClient,
      changed({ ...task, title: "Stale", version: 2 }),
      selfId,
    );
    applyLiveEvent(
      queryClient,
      changed({ ...task, title: "Same", version: 3 }),
      selfId,
    );

    expect(board(queryClient)).toEqual([task]);
    expect(listTasks(queryClient)).toEqual([task]);
    expect(queryClient.getQueryData(taskKeys.detail(task.id))).toEqual(task);
    expect(listIsStale(queryClient)).toBe(false);
  });

  it("puts a moved task in its new column everywhere and asks lists again", () => {
    const task = buildTask({ status: "todo", position: 1024 });
    const queryClient = cacheWith(task);
    const moved = { ...task, status: "done", position: 2048, version: 2 };

    applyLiveEvent(queryClient, changed(moved), selfId);

    expect(board(queryClient)).toEqual([moved]);
    expect(listTasks(queryClient)).toEqual([moved]);
    expect(queryClient.getQueryData(taskKeys.detail(task.id))).toEqual(moved);
    expect(listIsStale(queryClient)).toBe(true);
  });

  it("adds a created task to the board; lists learn of it from the server", () => {
    const held = buildTask();
    const queryClient = cacheWith(held);
    const created = buildTask({ title: "Made elsewhere" });

    applyLiveEvent(queryClient, changed(created), selfId);

    expect(board(queryClient)).toEqual([held, created]);
    expect(listTasks(queryClient)).toEqual([held]);
    expect(listIsStale(queryClient)).toBe(true);
  });

  describe("with a list of done tasks", () => {
    const doneQuery = { ...listQuery, status: "done" };
    const held = buildTask({ status: "done" });
    let queryClient: QueryClient;
    const isStale = () =>
      queryClient.getQueryState(taskKeys.list(projectId, doneQuery))
        ?.isInvalidated;

    beforeEach(() => {
      queryClient = new QueryClient();
      queryClient.setQueryData<TaskPages>(taskKeys.list(projectId, doneQuery), {
        pages: [{ tasks: [held], nextCursor: null }],
        pageParams: [null],
      });
    });

    it("asks it again only for a task it does not show that may match it", () => {
      applyLiveEvent(
        queryClient,
        changed(buildTask({ status: "todo" })),
        selfId,
      );
      expect(isStale()).toBe(false);

      applyLiveEvent(
        queryClient,
        changed(buildTask({ status: "done" })),
        selfId,
      );
      expect(isStale()).toBe(true);
    });

    it("asks it again when a task it shows no longer matches", () => {
      applyLiveEvent(
        queryClient,
        changed({ ...held, status: "todo", version: 2 }),
        selfId,
      );
      expect(isStale()).toBe(true);
    });
  });

  it("removes a deleted task from the board and lists", () => {
    const kept = buildTask();
    const deleted = buildTask();
    const queryClient = cacheWith(kept, deleted);

    applyLiveEvent(
      queryClient,
      { type: "taskDeleted", taskId: deleted.id, projectId },
      selfId,
    );

    expect(board(queryClient)).toEqual([kept]);
    expect(listTasks(queryClient)).toEqual([kept]);
  });

  it("lets no later copy bring a deleted task back", () => {
    const kept = buildTask();
    const deleted = buildTask({ title: "Gone", version: 2 });
    const queryClient = cacheWith(kept, deleted);

    applyLiveEvent(
      queryClient,
      { type: "taskDeleted", taskId: deleted.id, projectId },
      selfId,
    );
    // The answer to an edit sent before the deletion, its rollback, and
    // an event that was already on its way.
    const late = { ...deleted, version: 3 };
    applyTaskEvent(queryClient, projectId, { type: "received", task: late });
    applyTaskEvent(queryClient, projectId, { type: "restored", task: late });
    applyLiveEvent(queryClient, changed({ ...deleted, version: 4 }), selfId);

    expect(board(queryClient)).toEqual([kept]);
    expect(listTasks(queryClient)).toEqual([kept]);
    expect(isDeletedTask(queryClient, deleted.id)).toBe(true);
    expect(isDeletedTask(queryClient, kept.id)).toBe(false);
  });
});

describe("applyLiveEvent during the user's own unanswered edit", () => {
  it("keeps the edit over an event at the version it started from", () => {
    const task = buildTask({ title: "Before", version: 2 });
    const queryClient = cacheWith(task);
    applyTaskEvent(queryClient, projectId, {
      type: "edited",
      taskId: task.id,
      changes: { title: "Typing" },
    });

    applyLiveEvent(queryClient, changed(task), selfId);

    expect(board(queryClient)?.[0]?.title).toBe("Typing");
  });

  it("takes someone's newer version, and a failed edit's rollback leaves it", () => {
    const task = buildTask({ title: "Before", priority: "low", version: 2 });
    const queryClient = cacheWith(task);
    applyTaskEvent(queryClient, projectId, {
      type: "edited",
      taskId: task.id,
      changes: { title: "Mine" },
    });
    const theirs = { ...task, priority: "high" as const, version: 3 };

    applyLiveEvent(queryClient, changed(theirs), selfId);
    applyTaskEvent(queryClient, projectId, { type: "restored", task });

    expect(board(queryClient)).toEqual([theirs]);
    expect(queryClient.getQueryData(taskKeys.detail(task.id))).toEqual(theirs);
  });

  it("shows someone's newer version beneath the edit until the edit is answered", () => {
    const task = buildTask({ title: "Before", priority: "low", version: 2 });
    const queryClient = cacheWith(task);
    const release = applyPendingChange(queryClient, projectId, {
      type: "edited",
      taskId: task.id,
      changes: { title: "Mine" },
    });
    const theirs = { ...task, priority: "high" as const, version: 3 };

    applyLiveEvent(queryClient, changed(theirs), selfId);

    const both = { ...theirs, title: "Mine" };
    expect(board(queryClient)).toEqual([both]);
    expect(listTasks(queryClient)).toEqual([both]);
    expect(queryClient.getQueryData(taskKeys.detail(task.id))).toEqual(both);
    expect(withPendingChanges(queryClient, theirs)).toEqual(both);

    // Refused: released, the rollback leaves their version.
    release();
    applyTaskEvent(queryClient, projectId, { type: "restored", task });
    applyLiveEvent(queryClient, changed({ ...theirs, version: 4 }), selfId);
    expect(board(queryClient)).toEqual([{ ...theirs, version: 4 }]);
  });

  it("keeps a move in its new place over someone's edit of the task", () => {
    const task = buildTask({ status: "todo", position: 1024, version: 2 });
    const queryClient = cacheWith(task);
    applyPendingChange(queryClient, projectId, {
      type: "moved",
      taskId: task.id,
      status: "done",
      position: 512,
    });

    applyLiveEvent(
      queryClient,
      changed({ ...task, title: "Renamed", version: 3 }),
      selfId,
    );

    expect(board(queryClient)).toEqual([
      { ...task, title: "Renamed", status: "done", position: 512, version: 3 },
    ]);
  });

  it("lets the edit's answer replace the event it overtook", () => {
    const task = buildTask({ version: 2 });
    const queryClient = cacheWith(task);
    const theirs = { ...task, priority: "high" as const, version: 3 };
    const answer = { ...theirs, title: "Mine", version: 4 };

    applyLiveEvent(queryClient, changed(theirs), selfId);
    applyTaskEvent(queryClient, projectId, { type: "received", task: answer });
    applyLiveEvent(queryClient, changed(theirs), selfId);

    expect(board(queryClient)).toEqual([answer]);
  });
});

describe("applyLiveEvent for members", () => {
  it("asks for the session again when one's own role changed", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionQueryKey, { role: "member" });
    queryClient.setQueryData(membersQueryKey, []);
    const member = {
      user: buildUser({ id: selfId }),
      role: "viewer" as const,
      joinedAt: "2025-03-01T10:00:00.000Z",
    };

    applyLiveEvent(queryClient, { type: "memberUpdated", member }, selfId);

    expect(queryClient.getQueryState(membersQueryKey)?.isInvalidated).toBe(
      true,
    );
    expect(queryClient.getQueryState(sessionQueryKey)?.isInvalidated).toBe(
      true,
    );
  });
});

describe("applyLiveEvent for comments and projects", () => {
  it("adds a new comment to its task's conversation once", () => {
    const taskId = testId();
    const queryClient = new QueryClient();
    const held = buildComment({ taskId });
    queryClient.setQueryData<CommentPages>(taskKeys.comments(taskId), {
      pages: [{ comments: [held], nextCursor: null }],
      pageParams: [null],
    });
    const posted = buildComment({
      taskId,
      author: buildUser(),
      createdAt: "2025-03-01T11:00:00.000Z",
    });

    applyLiveEvent(
      queryClient,
      { type: "commentCreated", comment: posted },
      selfId,
    );
    applyLiveEvent(
      queryClient,
      { type: "commentCreated", comment: posted },
      selfId,
    );

    const pages = queryClient.getQueryData<CommentPages>(
      taskKeys.comments(taskId),
    );
    expect(pages && loadedComments(pages)).toEqual([held, posted]);
  });

  it("takes a deleted comment out of its task's conversation", () => {
    const taskId = testId();
    const queryClient = new QueryClient();
    const kept = buildComment({ taskId });
    const deleted = buildComment({ taskId });
    queryClient.setQueryData<CommentPages>(taskKeys.comments(taskId), {
      pages: [{ comments: [kept, deleted], nextCursor: null }],
      pageParams: [null],
    });

    applyLiveEvent(
      queryClient,
      { type: "commentDeleted", commentId: deleted.id, taskId },
      selfId,
    );

    const pages = queryClient.getQueryData<CommentPages>(
      taskKeys.comments(taskId),
    );
    expect(pages && loadedComments(pages)).toEqual([kept]);
  });

  it("forgets a deleted project or workspace and asks their lists again", () => {
    const workspaceId = testId();
    const queryClient = new QueryClient();
    queryClient.setQueryData(projectKeys.detail(projectId), { id: projectId });
    queryClient.setQueryData(projectKeys.list({ archived: "false" }), []);
    queryClient.setQueryData(workspaceKeys.detail(workspaceId), {
      id: workspaceId,
    });
    queryClient.setQueryData(workspaceKeys.all, []);

    applyLiveEvent(
      queryClient,
      { type: "projectDeleted", projectId, workspaceId },
      selfId,
    );
    applyLiveEvent(
      queryClient,
      { type: "workspaceDeleted", workspaceId },
      selfId,
    );

    expect(queryClient.getQueryData(projectKeys.detail(projectId))).toBe(
      undefined,
    );
    expect(queryClient.getQueryData(workspaceKeys.detail(workspaceId))).toBe(
      undefined,
    );
    for (const queryKey of [
      projectKeys.list({ archived: "false" }),
      workspaceKeys.all,
    ]) {
      expect(queryClient.getQueryState(queryKey)?.isInvalidated).toBe(true);
    }
  });

  it("takes a newer project, never an older one", () => {
    const project: Project = {
      id: projectId,
      workspaceId: testId(),
      key: "ENG",
      name: "Engine",
      description: "",
      archived: false,
      workflow: defaultWorkflow,
      createdAt: "2025-03-01T10:00:00.000Z",
      updatedAt: "2025-03-01T10:00:00.000Z",
      version: 2,
    };
    const queryClient = new QueryClient();
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    const renamed = { ...project, name: "Motor", version: 3 };

    applyLiveEvent(
      queryClient,
      { type: "projectUpdated", project: renamed },
      selfId,
    );
    applyLiveEvent(
      queryClient,
      {
        type: "projectUpdated",
        project: { ...project, name: "Old", version: 1 },
      },
      selfId,
    );

    expect(queryClient.getQueryData(projectKeys.detail(project.id))).toEqual(
      renamed,
    );
  });
});

describe("refetchMissed", () => {
  it("marks stale what was loaded before events may have been missed", () => {
    const task = buildTask();
    const queryClient = cacheWith(task);
    const since = Date.now() + 1;

    refetchMissed(queryClient, projectId, since);

    expect(
      queryClient.getQueryState(taskKeys.board(projectId))?.isInvalidated,
    ).toBe(true);
    expect(listIsStale(queryClient)).toBe(true);
    expect(
      queryClient.getQueryState(taskKeys.detail(task.id))?.isInvalidated,
    ).toBe(true);
  });

  it("leaves alone what was loaded after", () => {
    const since = Date.now() - 1;
    const queryClient = cacheWith(buildTask());

    refetchMissed(queryClient, projectId, since);

    expect(
      queryClient.getQueryState(taskKeys.board(projectId))?.isInvalidated,
    ).toBe(false);
  });
});
