import {
  errorEnvelopeSchema,
  forgotPasswordRequestSchema,
  resetPasswordRequestSchema,
} from "@ares/contracts";
import { identityTransaction, lookupTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { actionEmail } from "../mail/templates.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";
import { assertAcceptablePassword } from "./password-policy.js";
import { hashPassword } from "./passwords.js";
import { hashToken, newToken } from "./secrets.js";

const resetLifetimeMs = 60 * 60 * 1000;

const invalidResetLink = () =>
  new AppError(
    "bad_request",
    "This reset link is invalid, expired or already used; ask for a new one",
  );

/** Forgotten passwords: a single-use emailed link, valid for an hour. */
export function passwordRoutes(services: Services): AnyRoute[] {
  const { db, mailer, config } = services;

  const forgot = defineRoute({
    method: "post",
    path: "/api/auth/password/forgot",
    summary: "Email a password reset link, if the account exists",
    tag: "Auth",
    access: "public",
    body: forgotPasswordRequestSchema,
    responses: {
      202: {
        description:
          "Accepted; the same answer whether or not the account exists",
      },
    },
    async handler({ body }) {
      const user = await lookupTransaction(
        db,
        { loginEmail: body.email },
        (tx) =>
          tx
            .selectFrom("users")
            .select(["id", "name", "email"])
            .where("email", "=", body.email)
            .executeTakeFirst(),
      );
      if (!user) {
        return { status: 202 };
      }

      const token = newToken();
      const link = `${config.appUrl}/reset-password?token=${token}`;
      await identityTransaction(db, user.id, async (tx) => {
        await tx
          .insertInto("password_resets")
          .values({
            token_hash: hashToken(token),
            user_id: user.id,
            expires_at: new Date(Date.now() + resetLifetimeMs),
          })
          .execute();
        await recordSecurityEvent(tx, {
          type: "password.reset_requested",
          targetUserId: user.id,
        });
        await mailer.deliver(tx, {
          to: user.email,
          subject: "Reset your Ares password",
          link,
          ...actionEmail({
            lines: [
              `Hello ${user.name},`,
              "Someone asked to reset the password of your Ares account.",
            ],
            action: "Choose a new password",
            link,
            footer:
              "The link works once, for one hour. If you did not ask, ignore this email.",
          }),
        });
      });
      return { status: 202 };
    },
  });

  const reset = defineRoute({
    method: "post",
    path: "/api/auth/password/reset",
    summary: "Set a new password with a reset link's token",
    tag: "Auth",
    access: "public",
    body: resetPasswordRequestSchema,
    responses: {
      204: { description: "Password changed; every session is signed out" },
      400: {
        description: "Invalid, expired or used link",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ body }) {
      const tokenHash = hashToken(body.token);
      const found = await lookupTransaction(
        db,
        { lookupHash: tokenHash },
        (tx) =>
          tx
            .selectFrom("password_resets")
            .select("user_id")
            .where("token_hash", "=", tokenHash)
            .executeTakeFirst(),
      );
      if (!found) {
        throw invalidResetLink();
      }
      const userId = found.user_id;
      const account = await identityTransaction(db, userId, (tx) =>
        tx
          .selectFrom("users")
          .select(["email", "name"])
          .where("id", "=", userId)
          .executeTakeFirstOrThrow(),
      );
      assertAcceptablePassword(body.password, account);
      const passwordHash = await hashPassword(body.password);

      const changed = await identityTransaction(db, userId, async (tx) => {
        const claimed = await tx
          .updateTable("password_resets")
          .set({ used_at: new Date() })
          .where("token_hash", "=", tokenHash)
          .where("used_at", "is", null)
          .where("expires_at", ">", new Date())
          .executeTakeFirst();
        if (claimed.numUpdatedRows === 0n) {
          return false;
        }
        await tx
          .updateTable("users")
          .set({ password_hash: passwordHash, updated_at: new Date() })
          .where("id", "=", userId)
          .execute();
        await tx
          .updateTable("sessions")
          .set({ revoked_at: new Date(), revoked_reason: "password reset" })
          .where("user_id", "=", userId)
          .where("revoked_at", "is", null)
          .execute();
        await recordSecurityEvent(tx, {
          type: "password.reset",
          actorUserId: userId,
          targetUserId: userId,
        });
        return true;
      });
      if (!changed) {
        throw invalidResetLink();
      }
      services.events.disconnectUser(userId);
      return { status: 204 };
    },
  });

  return [forgot, reset];
}
