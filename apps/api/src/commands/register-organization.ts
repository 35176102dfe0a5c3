import crypto from "node:crypto";
import type { RegisterRequest } from "@ares/contracts";
import { assertAcceptablePassword } from "../auth/password-policy.js";
import { hashPassword } from "../auth/passwords.js";
import { runAsIdentity } from "../context.js";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import type { OrganizationRow, UserRow } from "../db/schema.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";

export interface Registration {
  user: UserRow;
  organization: OrganizationRow;
}

/**
 * Creates an organization with its first owner in one transaction: either
 * the organization, the account and the membership all exist, or none does.
 */
export async function registerOrganization(
  db: Database,
  input: RegisterRequest & { email: string },
): Promise<Registration> {
  assertAcceptablePassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const founder = {
    tenantId: crypto.randomUUID(),
    userId: crypto.randomUUID(),
    role: "owner" as const,
    sessionId: crypto.randomUUID(),
  };

  try {
    return await runAsIdentity(founder, () =>
      tenantTransaction(db, async (tx) => {
        const organization = await tx
          .insertInto("organizations")
          .values({ id: founder.tenantId, name: input.organizationName })
          .returningAll()
          .executeTakeFirstOrThrow();
        const user = await tx
          .insertInto("users")
          .values({
            id: founder.userId,
            email: input.email,
            name: input.name,
            password_hash: passwordHash,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx
          .insertInto("memberships")
          .values({
            tenant_id: founder.tenantId,
            user_id: founder.userId,
            role: "owner",
          })
          .execute();
        return { user, organization };
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
