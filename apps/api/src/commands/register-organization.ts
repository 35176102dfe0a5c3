import crypto from "node:crypto";
import type { RegisterRequest, Role } from "@ares/contracts";
import { hashPassword } from "../auth/passwords.js";
import { runAsNewTenant } from "../context.js";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import type { OrganizationRow, UserRow } from "../db/schema.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";

export interface Registration {
  user: UserRow;
  organization: OrganizationRow;
  role: Role;
}

/**
 * Creates an organization with its first owner in one transaction: either
 * the organization, the account and the membership all exist, or none does.
 */
export async function registerOrganization(
  db: Database,
  input: Required<RegisterRequest>,
): Promise<Registration> {
  const passwordHash = await hashPassword(input.password);
  const tenantId = crypto.randomUUID();
  const userId = crypto.randomUUID();

  try {
    return await runAsNewTenant(tenantId, () =>
      tenantTransaction(db, async (tx) => {
        const organization = await tx
          .insertInto("organizations")
          .values({ id: tenantId, name: input.organizationName })
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx
          .insertInto("users")
          .values({
            id: userId,
            email: input.email,
            name: input.name,
            password_hash: passwordHash,
          })
          .execute();
        await tx
          .insertInto("memberships")
          .values({ tenant_id: tenantId, user_id: userId, role: "owner" })
          .execute();
        const user = await tx
          .selectFrom("users")
          .selectAll()
          .where("id", "=", userId)
          .executeTakeFirstOrThrow();
        return { user, organization, role: "owner" as const };
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new AppError(
        "conflict",
        "An account with this email already exists; sign in instead",
        [{ path: "email", message: "This email is already registered" }],
      );
    }
    throw error;
  }
}
