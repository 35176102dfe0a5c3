import { ApiError } from "../api/api-error";

/** How a failed form submission is shown: beside fields or above the form. */
export interface SubmitErrorView {
  fieldErrors: Record<string, string>;
  formMessage: string | null;
}

/**
 * Where the API's field paths land on a form whose fields are named
 * differently, e.g. `{ password: "newPassword" }`.
 */
export type FieldAliases = Readonly<Record<string, string>>;

/** No error to show. */
const noSubmitError: SubmitErrorView = {
  fieldErrors: {},
  formMessage: null,
};

/**
 * Shows per-field messages beside their fields when the API named fields,
 * and the API's message above the form otherwise.
 */
export function submitErrorView(
  error: Error | null,
  aliases: FieldAliases = {},
): SubmitErrorView {
  if (error === null) {
    return noSubmitError;
  }
  if (!(error instanceof ApiError)) {
    return {
      fieldErrors: {},
      formMessage: "Something went wrong. Please try again.",
    };
  }
  const fieldErrors = renameFields(error.fieldErrors, aliases);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    fieldErrors,
    formMessage: hasFieldErrors ? null : error.message,
  };
}

function renameFields(
  fieldErrors: Readonly<Record<string, string>>,
  aliases: FieldAliases,
): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    renamed[aliases[path] ?? path] ??= message;
  }
  return renamed;
}
