import { describe, expect, it } from "vitest";

import { showFieldValue, type FieldValueNames } from "./field-values";

const names: FieldValueNames = {
  status: (key) => (key === "todo" ? "To do" : key),
  person: (id) => (id === "grace" ? "Grace Hopper" : null),
  date: (date) => `on ${date}`,
};

describe("showFieldValue", () => {
  it("names statuses, priorities and people", () => {
    expect(showFieldValue("status", "todo", names)).toBe("To do");
    expect(showFieldValue("priority", "urgent", names)).toBe("Urgent");
    expect(showFieldValue("assigneeId", "grace", names)).toBe("Grace Hopper");
    expect(showFieldValue("assigneeId", null, names)).toBe("Unassigned");
  });

  it("says so when a value is empty", () => {
    expect(showFieldValue("labels", [], names)).toBe("No labels");
    expect(showFieldValue("dueDate", null, names)).toBe("No due date");
    expect(showFieldValue("description", "", names)).toBe("(empty)");
  });

  it("shows text as it is", () => {
    expect(showFieldValue("title", "Ship it", names)).toBe("Ship it");
    expect(showFieldValue("labels", ["api", "ui"], names)).toBe("api, ui");
  });
});
