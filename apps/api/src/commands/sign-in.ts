import type { LoginRequest, Role } from "@ares/contracts";
import { verifyAgainstDecoy, verifyPassword } from "../auth/passwords.js";
import type { Database } from "../db/database.js";
import type { OrganizationRow, UserRow } from "../db/schema.js";
import { identityTransaction, loginTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";

export interface SignIn {
  user: UserRow;
  organization: OrganizationRow;
  role: Role;
}

const badCredentials = () =>
  new AppError("unauthenticated", "The email or password is incorrect");

async function checkCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<UserRow> {
  const user = await loginTransaction(db, email, (tx) =>
    tx
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst(),
  );
  const valid = user
    ? await verifyPassword(user.password_hash, password)
    : await verifyAgainstDecoy(password);
  if (!user || !valid) {
    throw badCredentials();
  }
  return user;
}

/**
 * Checks a person's credentials and picks the organization to enter: the
 * one asked for, or else the one they used most recently.
 */
export async function signIn(
  db: Database,
  input: LoginRequest & { email: string },
): Promise<SignIn> {
  const user = await checkCredentials(db, input.email, input.password);

  const chosen = await identityTransaction(db, user.id, async (tx) => {
    let query = tx
      .selectFrom("memberships as m")
      .innerJoin("organizations as o", "o.id", "m.tenant_id")
      .selectAll("o")
      .select("m.role")
      .where("m.user_id", "=", user.id)
      .orderBy("m.last_used_at", "desc")
      .limit(1);
    if (input.organizationId) {
      query = query.where("m.tenant_id", "=", input.organizationId);
    }
    return query.executeTakeFirst();
  });
  if (!chosen) {
    throw input.organizationId
      ? new AppError("forbidden", "You are not a member of that organization")
      : new AppError("forbidden", "This account belongs to no organization");
  }

  const { role, ...organization } = chosen;
  return { user, organization, role };
}
