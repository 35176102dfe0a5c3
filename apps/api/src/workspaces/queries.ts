import crypto from "node:crypto";
import type {
  CreateWorkspaceRequest,
  Role,
  UpdateWorkspaceRequest,
  WorkspaceRole,
} from "@ares/contracts";
import type { Identity } from "../context.js";
import type { WorkspaceRow } from "../db/schema.js";
import type { Tx } from "../db/scope.js";
import { notFound } from "../http/errors.js";
import type {
  WorkspaceMemberFields,
  WorkspaceWithCount,
} from "../presenters/workspace.js";
import { visibleWorkspaceIds } from "../work/access.js";
import { applyVersionedUpdate } from "../work/versioned-update.js";

/** Workspaces with their project counts, ready for `presentWorkspace`. */
function selectWorkspaces(tx: Tx) {
  return tx
    .selectFrom("workspaces as w")
    .selectAll("w")
    .select((eb) =>
      eb
        .selectFrom("projects as p")
        .select(eb.fn.countAll<number>().as("count"))
        .whereRef("p.workspace_id", "=", "w.id")
        .as("projectCount"),
    )
    .$narrowType<{ projectCount: number }>();
}

/** The workspaces `identity` may see, by name. */
export function listWorkspaces(
  tx: Tx,
  identity: Identity,
): Promise<WorkspaceWithCount[]> {
  return selectWorkspaces(tx)
    .where("w.id", "in", visibleWorkspaceIds(tx, identity))
    .orderBy("w.name")
    .orderBy("w.id")
    .execute();
}

/** One workspace with its project count; 404 when it is not there. */
export async function loadWorkspace(
  tx: Tx,
  workspaceId: string,
): Promise<WorkspaceWithCount> {
  const workspace = await selectWorkspaces(tx)
    .where("w.id", "=", workspaceId)
    .executeTakeFirst();
  if (!workspace) {
    throw notFound("Workspace");
  }
  return workspace;
}

/** Creates a workspace and makes its creator one of its admins. */
export async function createWorkspace(
  tx: Tx,
  identity: Identity,
  request: CreateWorkspaceRequest,
): Promise<WorkspaceWithCount> {
  const workspace = await tx
    .insertInto("workspaces")
    .values({
      tenant_id: identity.tenantId,
      id: crypto.randomUUID(),
      name: request.name,
      description: request.description,
      created_by: identity.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("workspace_members")
    .values({
      tenant_id: identity.tenantId,
      workspace_id: workspace.id,
      user_id: identity.userId,
      role: "admin",
    })
    .execute();
  return { ...workspace, projectCount: 0 };
}

/** Applies a versioned update to a workspace (see `applyVersionedUpdate`). */
export async function updateWorkspace(
  tx: Tx,
  current: WorkspaceRow,
  { baseVersion, ...changes }: UpdateWorkspaceRequest,
): Promise<WorkspaceWithCount> {
  await applyVersionedUpdate(
    current,
    { baseVersion, changes },
    {
      reload: () => loadWorkspace(tx, current.id),
      write: (record, fieldVersions) =>
        tx
          .updateTable("workspaces")
          .set({
            ...changes,
            field_versions: fieldVersions,
            version: record.version + 1,
            updated_at: new Date(),
          })
          .where("id", "=", record.id)
          .where("version", "=", record.version)
          .returningAll()
          .executeTakeFirst(),
    },
  );
  return loadWorkspace(tx, current.id);
}

const selectMembers = (tx: Tx, workspaceId: string) =>
  tx
    .selectFrom("workspace_members as wm")
    .innerJoin("users as u", "u.id", "wm.user_id")
    .select(["u.id", "u.email", "u.name", "wm.role"])
    .where("wm.workspace_id", "=", workspaceId);

type MemberRow = Awaited<
  ReturnType<ReturnType<typeof selectMembers>["executeTakeFirstOrThrow"]>
>;

function toMember(row: MemberRow): WorkspaceMemberFields {
  return {
    user: { id: row.id, email: row.email, name: row.name },
    role: row.role,
  };
}

/** The people added to a workspace, by name. */
export async function listWorkspaceMembers(
  tx: Tx,
  workspaceId: string,
): Promise<WorkspaceMemberFields[]> {
  const rows = await selectMembers(tx, workspaceId)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  return rows.map(toMember);
}

/**
 * Adds a member of the organization to a workspace, or changes their role
 * there. Answers whether they were new to it.
 */
export async function putWorkspaceMember(
  tx: Tx,
  identity: Identity,
  member: { workspaceId: string; userId: string; role: WorkspaceRole },
): Promise<{
  member: WorkspaceMemberFields;
  added: boolean;
  /** True when they were in the workspace already, with another role. */
  roleChanged: boolean;
}> {
  const existing = await tx
    .selectFrom("workspace_members")
    .select("role")
    .where("workspace_id", "=", member.workspaceId)
    .where("user_id", "=", member.userId)
    .executeTakeFirst();
  await tx
    .insertInto("workspace_members")
    .values({
      tenant_id: identity.tenantId,
      workspace_id: member.workspaceId,
      user_id: member.userId,
      role: member.role,
    })
    .onConflict((conflict) =>
      conflict
        .columns(["tenant_id", "workspace_id", "user_id"])
        .doUpdateSet({ role: member.role }),
    )
    .execute();
  const row = await selectMembers(tx, member.workspaceId)
    .where("wm.user_id", "=", member.userId)
    .executeTakeFirstOrThrow();
  return {
    member: toMember(row),
    added: !existing,
    roleChanged: existing !== undefined && existing.role !== member.role,
  };
}

/** Removes someone from a workspace; 404 when they were not in it. */
export async function removeWorkspaceMember(
  tx: Tx,
  workspaceId: string,
  userId: string,
): Promise<void> {
  const removed = await tx
    .deleteFrom("workspace_members")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n) {
    throw notFound("Workspace member");
  }
}

/** The role `userId` holds in the organization; 404 for anyone else. */
export async function organizationRole(tx: Tx, userId: string): Promise<Role> {
  const membership = await tx
    .selectFrom("memberships")
    .select("role")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!membership) {
    throw notFound("User");
  }
  return membership.role;
}
