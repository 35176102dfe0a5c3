import type { Activity } from "@ares/contracts";
import type { Selectable } from "kysely";
import type { TaskActivityTable, UserRow } from "../db/schema.js";
import { presentUser } from "./session.js";

/** One row of a task's history with the person who acted, if visible. */
export interface ActivityWithActor extends Selectable<TaskActivityTable> {
  actor: Pick<UserRow, "id" | "email" | "name"> | null;
}

/** One change to a task, as the API shows it; values arrive as JSON. */
export function presentActivity(activity: ActivityWithActor): Activity {
  return {
    id: activity.id,
    kind: activity.kind,
    field: activity.field,
    from: activity.from_value,
    to: activity.to_value,
    actor: activity.actor ? presentUser(activity.actor) : null,
    version: activity.version,
    at: activity.created_at.toISOString(),
  };
}
