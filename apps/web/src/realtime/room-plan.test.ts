import { describe, expect, it } from "vitest";

import { roomMessages, type ToldRooms } from "./room-plan";

const nothingTold: ToldRooms = {
  joined: new Set(),
  joining: new Set(),
  focus: new Map(),
};

describe("roomMessages", () => {
  it("joins a project once, and sends its open task only after the join", () => {
    const wanted = {
      projects: new Set(["p1"]),
      openTasks: new Map([["p1", "t1"]]),
    };

    expect(roomMessages(wanted, nothingTold)).toEqual({
      join: ["p1"],
      leave: [],
      focus: [],
    });
    expect(
      roomMessages(wanted, { ...nothingTold, joining: new Set(["p1"]) }),
    ).toEqual({ join: [], leave: [], focus: [] });
    expect(
      roomMessages(wanted, {
        ...nothingTold,
        joined: new Set(["p1"]),
        focus: new Map([["p1", null]]),
      }),
    ).toEqual({
      join: [],
      leave: [],
      focus: [{ projectId: "p1", taskId: "t1" }],
    });
  });

  it("leaves a project nothing shows, and says so when a panel closes", () => {
    const told: ToldRooms = {
      ...nothingTold,
      joined: new Set(["p1", "p2"]),
      focus: new Map([
        ["p1", "t1"],
        ["p2", null],
      ]),
    };

    expect(
      roomMessages({ projects: new Set(["p1"]), openTasks: new Map() }, told),
    ).toEqual({
      join: [],
      leave: ["p2"],
      focus: [{ projectId: "p1", taskId: null }],
    });
  });

  it("sends nothing when the server knows it all", () => {
    const told: ToldRooms = {
      ...nothingTold,
      joined: new Set(["p1"]),
      focus: new Map([["p1", "t1"]]),
    };
    const wanted = {
      projects: new Set(["p1"]),
      openTasks: new Map([["p1", "t1"]]),
    };

    expect(roomMessages(wanted, told)).toEqual({
      join: [],
      leave: [],
      focus: [],
    });
  });
});
