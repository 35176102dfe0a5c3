import { describe, expect, it } from "vitest";

import { buildTask, testId } from "../test/work-factories";
import { readLiveEvent } from "./live-events";

function envelope(data: unknown) {
  return {
    data,
    version: 2,
    actor: { id: testId() },
    at: "2025-03-01T10:00:00.000Z",
  };
}

describe("readLiveEvent", () => {
  it("reads created, edited and moved tasks alike", () => {
    const task = buildTask({ version: 2 });

    for (const name of [
      "task.created",
      "task.updated",
      "task.moved",
    ] as const) {
      expect(readLiveEvent(name, envelope(task))).toEqual({
        type: "taskChanged",
        task,
      });
    }
  });

  it("reads who is looking at a project", () => {
    const projectId = testId();
    const viewers = [{ userId: testId(), taskId: null }];

    expect(
      readLiveEvent("presence.changed", envelope({ projectId, viewers })),
    ).toEqual({ type: "presenceChanged", projectId, viewers });
  });

  it("reads deleted comments, projects and workspaces", () => {
    const [id, taskId, workspaceId] = [testId(), testId(), testId()];

    expect(readLiveEvent("comment.deleted", envelope({ id, taskId }))).toEqual({
      type: "commentDeleted",
      commentId: id,
      taskId,
    });
    expect(
      readLiveEvent("project.deleted", envelope({ id, workspaceId })),
    ).toEqual({ type: "projectDeleted", projectId: id, workspaceId });
    expect(readLiveEvent("workspace.deleted", envelope({ id }))).toEqual({
      type: "workspaceDeleted",
      workspaceId: id,
    });
  });

  it("ignores a payload that is not what the API returns", () => {
    expect(
      readLiveEvent("task.updated", envelope({ id: "nope", title: 3 })),
    ).toBeNull();
    expect(readLiveEvent("task.deleted", "not an envelope")).toBeNull();
  });
});
