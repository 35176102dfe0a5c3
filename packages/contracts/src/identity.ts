import { z } from "zod";
import {
  emailSchema,
  organizationSchema,
  passwordSchema,
  personNameSchema,
  roleSchema,
  userSchema,
} from "./auth.js";

/** How a sign-in hands over its refresh token. */
export const refreshTokenDeliverySchema = z.enum(["cookie", "body"]);

export const refreshRequestSchema = z
  .strictObject({
    refreshToken: z.string().min(1).max(200).optional(),
  })
  .meta({ id: "RefreshRequest" });

export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const switchOrganizationRequestSchema = z
  .strictObject({ organizationId: z.uuid() })
  .meta({ id: "SwitchOrganizationRequest" });

export type SwitchOrganizationRequest = z.infer<
  typeof switchOrganizationRequestSchema
>;

/**
 * One organization the signed-in person belongs to. A suspended one can be
 * neither entered nor used until it is reinstated.
 */
export const myOrganizationSchema = organizationSchema
  .extend({ role: roleSchema, current: z.boolean(), suspended: z.boolean() })
  .meta({ id: "MyOrganization" });

export type MyOrganization = z.infer<typeof myOrganizationSchema>;

export const myOrganizationsSchema = z
  .object({ organizations: z.array(myOrganizationSchema) })
  .meta({ id: "MyOrganizations" });

export const forgotPasswordRequestSchema = z
  .strictObject({ email: emailSchema })
  .meta({ id: "ForgotPasswordRequest" });

export type ForgotPasswordRequest = z.input<typeof forgotPasswordRequestSchema>;

export const resetPasswordRequestSchema = z
  .strictObject({
    token: z.string().min(1).max(200),
    password: passwordSchema,
  })
  .meta({ id: "ResetPasswordRequest" });

export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const updateProfileRequestSchema = z
  .strictObject({ name: personNameSchema })
  .meta({ id: "UpdateProfileRequest" });

export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(256),
    newPassword: passwordSchema,
  })
  .meta({ id: "ChangePasswordRequest" });

export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** A member of the current organization. */
export const memberSchema = z
  .object({
    user: userSchema,
    role: roleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });

export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z
  .object({ members: z.array(memberSchema) })
  .meta({ id: "MemberList" });

export const userIdParamsSchema = z.strictObject({ userId: z.uuid() });

export const changeRoleRequestSchema = z
  .strictObject({ role: roleSchema })
  .meta({ id: "ChangeRoleRequest" });

export type ChangeRoleRequest = z.infer<typeof changeRoleRequestSchema>;

export const invitationStatusSchema = z.enum([
  "pending",
  "accepted",
  "revoked",
  "expired",
]);

export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    status: invitationStatusSchema,
    invitedBy: userSchema.nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    lastSentAt: z.iso.datetime(),
  })
  .meta({ id: "Invitation" });

export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListSchema = z
  .object({
    invitations: z.array(invitationSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "InvitationList" });

export const createInvitationRequestSchema = z
  .strictObject({ email: emailSchema, role: roleSchema })
  .meta({ id: "CreateInvitationRequest" });

export type CreateInvitationRequest = z.input<
  typeof createInvitationRequestSchema
>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });

/** What the accept page shows before the invitee answers. */
export const invitationPreviewSchema = z
  .object({
    organization: z.object({ id: z.uuid(), name: z.string() }),
    email: z.string(),
    role: roleSchema,
    accountExists: z
      .boolean()
      .describe("true: sign in to accept; false: choose a name and password"),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "InvitationPreview" });

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationTokenQuerySchema = z.strictObject({
  token: z.string().min(1).max(200),
});

/**
 * Accepting: a new person sends a name and password; a person who already
 * has an account sends their password instead (and no name).
 */
export const acceptInvitationRequestSchema = z
  .strictObject({
    token: z.string().min(1).max(200),
    name: personNameSchema.optional(),
    password: z.string().min(1).max(256),
    refreshTokenDelivery: refreshTokenDeliverySchema.optional(),
  })
  .meta({ id: "AcceptInvitationRequest" });

export type AcceptInvitationRequest = z.infer<
  typeof acceptInvitationRequestSchema
>;

/** An email kept in the local outbox instead of being sent. */
export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "OutboxMessage" });

export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxListSchema = z
  .object({ messages: z.array(outboxMessageSchema) })
  .meta({ id: "OutboxList" });

export const securityEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    actor: userSchema.nullable(),
    targetUserId: z.uuid().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    at: z.iso.datetime(),
  })
  .meta({ id: "SecurityEvent" });

export type SecurityEvent = z.infer<typeof securityEventSchema>;

export const securityEventListSchema = z
  .object({
    events: z.array(securityEventSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "SecurityEventList" });

export const invitationQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const securityEventQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
