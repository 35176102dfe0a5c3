import { z } from "zod";

/**
 * Plain-language messages for the generic checks in the shared contracts
 * (required text, length limits), which otherwise show zod's wording such as
 * "Too small: expected string to have >=1 characters". Messages a schema
 * sets itself still take precedence.
 */
export function installValidationMessages(): void {
  z.config({ customError: friendlyMessage });
}

function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "too_small" && issue.origin === "string") {
    return issue.minimum === 1
      ? "Fill in this field"
      : `Use at least ${String(issue.minimum)} characters`;
  }
  if (issue.code === "too_big" && issue.origin === "string") {
    return `Use at most ${String(issue.maximum)} characters`;
  }
  return undefined;
}
