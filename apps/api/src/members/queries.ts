import type { Tx } from "../db/scope.js";
import { notFound } from "../http/errors.js";
import type { MemberTarget } from "../policies/policy.js";
import type { MemberFields } from "../presenters/member.js";

function selectMembers(tx: Tx) {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.email", "u.name", "m.role", "m.created_at"]);
}

type MemberRow = Awaited<
  ReturnType<ReturnType<typeof selectMembers>["executeTakeFirstOrThrow"]>
>;

function toMember(row: MemberRow): MemberFields {
  return {
    user: { id: row.id, email: row.email, name: row.name },
    role: row.role,
    joinedAt: row.created_at,
  };
}

/** Every member of the current organization, by name. */
export async function listMembers(tx: Tx): Promise<MemberFields[]> {
  const rows = await selectMembers(tx)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  return rows.map(toMember);
}

/** One member of the current organization; 404 for anyone else. */
export async function findMember(
  tx: Tx,
  userId: string,
): Promise<MemberFields> {
  const row = await selectMembers(tx)
    .where("m.user_id", "=", userId)
    .executeTakeFirst();
  if (!row) {
    throw notFound("Member");
  }
  return toMember(row);
}

/**
 * Loads the member someone acts on, with the organization's owner count.
 * It first locks the organization's row, so changes to one organization's
 * members run one at a time and two owners stepping down together cannot
 * leave it with none.
 */
export async function lockMemberTarget(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<MemberTarget> {
  await tx
    .selectFrom("organizations")
    .select("id")
    .where("id", "=", tenantId)
    .forUpdate()
    .execute();
  const rows = await tx
    .selectFrom("memberships")
    .select(["user_id", "role"])
    .where("tenant_id", "=", tenantId)
    .where((eb) =>
      eb.or([eb("role", "=", "owner"), eb("user_id", "=", userId)]),
    )
    .execute();
  const target = rows.find((row) => row.user_id === userId);
  if (!target) {
    throw notFound("Member");
  }
  const ownerCount = rows.filter((row) => row.role === "owner").length;
  return { userId, role: target.role, ownerCount };
}
