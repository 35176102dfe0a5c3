import { defaultWorkflow, type Project } from "@ares/contracts";
import { describe, expect, it } from "vitest";

import { buildTask } from "../test/work-factories";
import { openWork } from "./your-work";

const project: Project = {
  id: "00000000-0000-4000-8000-00000000abcd",
  workspaceId: "00000000-0000-4000-8000-00000000dcba",
  key: "ENG",
  name: "Engine",
  description: "",
  archived: false,
  workflow: defaultWorkflow,
  createdAt: "2025-03-01T10:00:00.000Z",
  updatedAt: "2025-03-01T10:00:00.000Z",
  version: 1,
};

describe("openWork", () => {
  it("lists open tasks soonest due first, undated last", () => {
    const later = buildTask({ title: "Later", dueDate: "2025-04-01" });
    const sooner = buildTask({ title: "Sooner", dueDate: "2025-03-02" });
    const undated = buildTask({ title: "Undated", status: "in_progress" });
    const done = buildTask({ title: "Done", status: "done" });

    const titles = openWork(
      [later, undated, done, sooner].map((task) => ({ task, project })),
    ).map(({ task }) => task.title);

    expect(titles).toEqual(["Sooner", "Later", "Undated"]);
  });
});
