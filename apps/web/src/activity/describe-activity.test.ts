import { describe, expect, it } from "vitest";

import { buildActivity } from "../test/work-factories";
import {
  describeActivity,
  visibleActivity,
  type ActivityNames,
} from "./describe-activity";

const names: ActivityNames = {
  status: (key) => ({ todo: "To do", in_progress: "In progress" })[key] ?? key,
  person: (id) => (id === "grace" ? "Grace Hopper" : null),
  date: (date) => `on ${date}`,
};

function describe_(overrides: Parameters<typeof buildActivity>[0]): string {
  return describeActivity(buildActivity(overrides), names);
}

describe("describeActivity", () => {
  it("names priorities in words", () => {
    expect(describe_({ field: "priority", from: "low", to: "high" })).toBe(
      "changed priority from low to high",
    );
  });

  it("names statuses as the workflow does", () => {
    expect(
      describe_({
        kind: "moved",
        field: "status",
        from: "todo",
        to: "in_progress",
      }),
    ).toBe("moved the task from To do to In progress");
  });

  it("names the people assigned", () => {
    expect(describe_({ field: "assigneeId", from: null, to: "grace" })).toBe(
      "assigned Grace Hopper",
    );
    expect(describe_({ field: "assigneeId", from: "grace", to: null })).toBe(
      "unassigned Grace Hopper",
    );
    expect(describe_({ field: "assigneeId", from: "gone", to: "grace" })).toBe(
      "reassigned the task from someone no longer here to Grace Hopper",
    );
  });

  it("says which labels came and went", () => {
    expect(
      describe_({ field: "labels", from: ["api", "ui"], to: ["ui", "bug"] }),
    ).toBe("added label bug and removed label api");
  });

  it("describes setting and clearing a due date", () => {
    expect(describe_({ field: "dueDate", from: null, to: "2025-03-04" })).toBe(
      "set the due date to on 2025-03-04",
    );
    expect(describe_({ field: "dueDate", from: "2025-03-04", to: null })).toBe(
      "removed the due date",
    );
  });

  it("describes creation and comments", () => {
    expect(describe_({ kind: "created" })).toBe("created the task");
    expect(describe_({ kind: "commented" })).toBe("commented");
  });
});

describe("visibleActivity", () => {
  it("hides the position change of a move across columns", () => {
    const status = buildActivity({ field: "status", version: 3 });
    const position = buildActivity({ field: "position", version: 3 });
    const reorder = buildActivity({ field: "position", version: 4 });

    expect(visibleActivity([reorder, status, position])).toEqual([
      reorder,
      status,
    ]);
  });
});
