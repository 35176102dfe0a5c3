import crypto from "node:crypto";
import {
  passwordSchema,
  type AcceptInvitationRequest,
  type FieldIssue,
} from "@ares/contracts";
import { assertAcceptablePassword } from "../auth/password-policy.js";
import { hashPassword } from "../auth/passwords.js";
import { badCredentials, checkCredentials } from "../commands/sign-in.js";
import { lookupTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";

/**
 * The person accepting: a new account to create, or an existing account
 * whose password they just proved.
 */
export type Invitee =
  | { kind: "new"; userId: string; name: string; passwordHash: string }
  | { kind: "existing"; userId: string };

/**
 * Checks the password of the account the invitation was sent to, under the
 * same throttle as signing in. Any name sent along is ignored.
 */
export async function existingInvitee(
  services: Services,
  email: string,
  password: string,
  ip: string,
): Promise<Invitee> {
  const { db, loginThrottle } = services;
  await loginThrottle.check(email, ip);

  const user = await checkCredentials(db, email, password);
  if (!user) {
    await loginThrottle.recordFailure(email, ip);
    await lookupTransaction(db, {}, (tx) =>
      recordSecurityEvent(tx, {
        type: "sign_in.failed",
        details: { email, via: "invitation" },
      }),
    );
    throw badCredentials();
  }
  await loginThrottle.recordSuccess(email);
  return { kind: "existing", userId: user.id };
}

/** The problems with a new person's name and password, field by field. */
function newAccountIssues(body: AcceptInvitationRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!body.name) {
    issues.push({ path: "name", message: "Enter your name" });
  }
  const password = passwordSchema.safeParse(body.password);
  if (!password.success) {
    const message = password.error.issues[0]?.message ?? "Invalid password";
    issues.push({ path: "password", message });
  }
  return issues;
}

/** Checks a new person's name and password and hashes the password. */
export async function newInvitee(
  email: string,
  body: AcceptInvitationRequest,
): Promise<Invitee> {
  const issues = newAccountIssues(body);
  if (issues.length > 0 || !body.name) {
    throw new AppError("validation_failed", "Invalid request", issues);
  }
  assertAcceptablePassword(body.password, { email, name: body.name });

  return {
    kind: "new",
    userId: crypto.randomUUID(),
    name: body.name,
    passwordHash: await hashPassword(body.password),
  };
}
