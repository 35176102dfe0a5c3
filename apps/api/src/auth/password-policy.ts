import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../http/errors.js";

// About 49,000 passwords seen most often in breaches, lower-cased.
const commonPasswords = new Set(
  dictionary["passwords-common"].map((word) => word.toLowerCase()),
);

/**
 * Refuses passwords that appear in breach lists, and ones made only of the
 * person's email or name. Length is checked by the request schema.
 */
export function assertAcceptablePassword(
  password: string,
  person: { email?: string; name?: string } = {},
  field = "password",
): void {
  const lowered = password.toLowerCase();
  const personal = [person.email, person.email?.split("@")[0], person.name]
    .filter((value): value is string => Boolean(value))
    .map((value) => value.toLowerCase());
  if (commonPasswords.has(lowered) || personal.includes(lowered)) {
    throw new AppError("validation_failed", "Choose a less common password", [
      {
        path: field,
        message: "This password is too common or too easy to guess",
      },
    ]);
  }
}
