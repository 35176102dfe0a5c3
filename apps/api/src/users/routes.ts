import {
  changePasswordRequestSchema,
  errorEnvelopeSchema,
  sessionSchema,
  updateProfileRequestSchema,
} from "@ares/contracts";
import { requireIdentity } from "../auth/authenticate.js";
import { assertAcceptablePassword } from "../auth/password-policy.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { loadSession } from "../auth/session-reply.js";
import { tenantTransaction } from "../db/scope.js";
import { AppError } from "../http/errors.js";
import { defineRoute, type AnyRoute } from "../http/route.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";

/** The signed-in person's own session, profile and password. */
export function userRoutes(services: Services): AnyRoute[] {
  const { db } = services;

  const me = defineRoute({
    method: "get",
    path: "/api/me",
    summary: "The signed-in user, organization and role",
    tag: "Profile",
    access: "tenant",
    responses: {
      200: { description: "Current session", schema: sessionSchema },
    },
    async handler() {
      return { status: 200, body: await loadSession(db, requireIdentity()) };
    },
  });

  const updateProfile = defineRoute({
    method: "patch",
    path: "/api/me",
    summary: "Change your display name",
    tag: "Profile",
    access: "tenant",
    body: updateProfileRequestSchema,
    responses: {
      200: { description: "Updated session", schema: sessionSchema },
    },
    async handler({ body }) {
      const identity = requireIdentity();

      await tenantTransaction(db, (tx) =>
        tx
          .updateTable("users")
          .set({ name: body.name, updated_at: new Date() })
          .where("id", "=", identity.userId)
          .execute(),
      );
      return { status: 200, body: await loadSession(db, identity) };
    },
  });

  const changePassword = defineRoute({
    method: "post",
    path: "/api/me/password",
    summary: "Change your password; signs out your other sessions",
    tag: "Profile",
    access: "tenant",
    body: changePasswordRequestSchema,
    responses: {
      204: { description: "Password changed" },
      403: {
        description: "Current password is wrong",
        schema: errorEnvelopeSchema,
      },
    },
    async handler({ body }) {
      const identity = requireIdentity();

      const user = await tenantTransaction(db, (tx) =>
        tx
          .selectFrom("users")
          .select(["email", "name", "password_hash"])
          .where("id", "=", identity.userId)
          .executeTakeFirstOrThrow(),
      );
      if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
        throw new AppError("forbidden", "The current password is incorrect", [
          {
            path: "currentPassword",
            message: "This is not your current password",
          },
        ]);
      }
      assertAcceptablePassword(body.newPassword, user, "newPassword");
      const passwordHash = await hashPassword(body.newPassword);

      await tenantTransaction(db, async (tx) => {
        await tx
          .updateTable("users")
          .set({ password_hash: passwordHash, updated_at: new Date() })
          .where("id", "=", identity.userId)
          .execute();
        await tx
          .updateTable("sessions")
          .set({ revoked_at: new Date(), revoked_reason: "password changed" })
          .where("user_id", "=", identity.userId)
          .where("id", "!=", identity.sessionId)
          .where("revoked_at", "is", null)
          .execute();
        await recordSecurityEvent(tx, {
          type: "password.changed",
          organizationId: identity.tenantId,
          actorUserId: identity.userId,
          targetUserId: identity.userId,
        });
      });
      services.events.disconnectUser(identity.userId);
      return { status: 204 };
    },
  });

  return [me, updateProfile, changePassword];
}
