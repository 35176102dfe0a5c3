import type { Project, WorkflowStatus } from "@ares/contracts";
import type { ProjectRow } from "../db/schema.js";

function presentStatus(status: WorkflowStatus): WorkflowStatus {
  return { key: status.key, name: status.name, category: status.category };
}

/** A project with its workflow in board order; never its task counter. */
export function presentProject(project: ProjectRow): Project {
  return {
    id: project.id,
    workspaceId: project.workspace_id,
    key: project.key,
    name: project.name,
    description: project.description,
    archived: project.archived,
    workflow: project.workflow.map(presentStatus),
    createdAt: project.created_at.toISOString(),
    updatedAt: project.updated_at.toISOString(),
    version: project.version,
  };
}
