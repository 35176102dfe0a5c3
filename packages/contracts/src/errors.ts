import { z } from "zod";

/** Stable, machine-readable error codes; each maps to one HTTP status. */
export const errorCodes = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "organization_suspended",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "service_unavailable",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one input field, as reported in `details`. */
export const fieldIssueSchema = z.object({
  path: z.string().describe("Dotted path of the offending field"),
  message: z.string(),
});

export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The single envelope every failed request answers with. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.array(fieldIssueSchema).optional(),
      conflict: z
        .unknown()
        .optional()
        .describe("On a 409 from a versioned update: both sides of it"),
    }),
  })
  .meta({ id: "ErrorEnvelope" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
