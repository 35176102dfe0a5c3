import { z } from "zod";

/** Emails are compared case-insensitively, so they are stored lower-cased. */
export const emailSchema = z
  .email({ error: "Enter a valid email address" })
  .max(254)
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, { error: "Use at least 10 characters" })
  .max(256, { error: "Use at most 256 characters" });

export const personNameSchema = z.string().trim().min(1).max(100);

export const roleSchema = z
  .enum(["owner", "admin", "member", "viewer"])
  .meta({ id: "Role" });

export type Role = z.infer<typeof roleSchema>;

const refreshTokenDelivery = z
  .enum(["cookie", "body"])
  .optional()
  .describe(
    "cookie (default): an httpOnly cookie for the web app; " +
      "body: returned as refreshToken, for API clients",
  );

export const registerRequestSchema = z
  .strictObject({
    organizationName: z.string().trim().min(1).max(100),
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    refreshTokenDelivery,
  })
  .meta({ id: "RegisterRequest" });

export type RegisterRequest = z.input<typeof registerRequestSchema>;

export const loginRequestSchema = z
  .strictObject({
    email: emailSchema,
    password: z.string().min(1).max(256),
    organizationId: z.uuid().optional(),
    refreshTokenDelivery,
  })
  .meta({ id: "LoginRequest" });

export type LoginRequest = z.input<typeof loginRequestSchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
  })
  .meta({ id: "User" });

export type User = z.infer<typeof userSchema>;

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Organization" });

export type Organization = z.infer<typeof organizationSchema>;

/** Who is signed in, in which organization, with which role. */
export const sessionSchema = z
  .object({
    user: userSchema,
    organization: organizationSchema,
    role: roleSchema,
  })
  .meta({ id: "Session" });

export type Session = z.infer<typeof sessionSchema>;

export const authResponseSchema = sessionSchema
  .extend({
    accessToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().describe("Seconds until the token expires"),
    refreshToken: z
      .string()
      .optional()
      .describe("Only when refreshTokenDelivery is body"),
  })
  .meta({ id: "AuthResponse" });

export type AuthResponse = z.infer<typeof authResponseSchema>;
