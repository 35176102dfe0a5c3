import type { Role } from "@ares/contracts";
import { verifyAgainstDecoy, verifyPassword } from "../auth/passwords.js";
import type { Database } from "../db/database.js";
import type { OrganizationRow, UserRow } from "../db/schema.js";
import { identityTransaction, lookupTransaction } from "../db/scope.js";
import { AppError, organizationSuspended } from "../http/errors.js";

export interface SignIn {
  user: UserRow;
  organization: OrganizationRow;
  role: Role;
}

export const badCredentials = () =>
  new AppError("unauthenticated", "The email or password is incorrect");

/**
 * Returns the account when the password matches, or undefined. An unknown
 * email costs the same time as a wrong password.
 */
export async function checkCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<UserRow | undefined> {
  const user = await lookupTransaction(db, { loginEmail: email }, (tx) =>
    tx
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst(),
  );
  const valid = user
    ? await verifyPassword(user.password_hash, password)
    : await verifyAgainstDecoy(password);
  return valid ? user : undefined;
}

/**
 * Picks the organization a verified person enters: the one asked for, or
 * else the one they used most recently that is not suspended. A suspended
 * one is refused, whether asked for or the only one left.
 */
export async function chooseOrganization(
  db: Database,
  user: UserRow,
  organizationId: string | undefined,
): Promise<SignIn> {
  const chosen = await identityTransaction(db, user.id, async (tx) => {
    let query = tx
      .selectFrom("memberships as m")
      .innerJoin("organizations as o", "o.id", "m.tenant_id")
      .selectAll("o")
      .select("m.role")
      .where("m.user_id", "=", user.id)
      .orderBy((eb) => eb("o.suspended_at", "is", null), "desc")
      .orderBy("m.last_used_at", "desc")
      .limit(1);
    if (organizationId) {
      query = query.where("m.tenant_id", "=", organizationId);
    }
    return query.executeTakeFirst();
  });
  if (!chosen) {
    throw organizationId
      ? new AppError("forbidden", "You are not a member of that organization")
      : new AppError("forbidden", "This account belongs to no organization");
  }
  if (chosen.suspended_at) {
    throw organizationSuspended();
  }

  const { role, ...organization } = chosen;
  return { user, organization, role };
}
