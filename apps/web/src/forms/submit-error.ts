import type { UseFormReturnType } from "@mantine/form";
import type { SyntheticEvent } from "react";

import { ApiError } from "../api/api-error";

/** How a failed form submission is shown: beside fields or above the form. */
export interface SubmitErrorView {
  fieldErrors: Record<string, string>;
  formMessage: string | null;
}

/** No error to show. */
const noSubmitError: SubmitErrorView = {
  fieldErrors: {},
  formMessage: null,
};

/**
 * Shows per-field messages beside their fields when the API named fields,
 * and the API's message above the form otherwise.
 */
export function submitErrorView(error: Error | null): SubmitErrorView {
  if (error === null) {
    return noSubmitError;
  }
  if (!(error instanceof ApiError)) {
    return {
      fieldErrors: {},
      formMessage: "Something went wrong. Please try again.",
    };
  }
  const hasFieldErrors = Object.keys(error.fieldErrors).length > 0;
  return {
    fieldErrors: { ...error.fieldErrors },
    formMessage: hasFieldErrors ? null : error.message,
  };
}

/** What a sign-in or sign-up page needs from its form hook. */
export interface AuthForm<Values> {
  form: UseFormReturnType<Values>;
  handleSubmit: (event?: SyntheticEvent<HTMLFormElement>) => void;
  isSubmitting: boolean;
  /** A problem with the whole submission, shown above the fields. */
  formMessage: string | null;
}
