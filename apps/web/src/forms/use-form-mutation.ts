import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import type { SyntheticEvent } from "react";

import { submitErrorView, type FieldAliases } from "./submit-error";

/** What a page needs from a form wired to a mutation. */
export interface FormMutation {
  handleSubmit: (event?: SyntheticEvent<HTMLFormElement>) => void;
  isSubmitting: boolean;
  /** A problem with the whole submission, shown above the fields. */
  formMessage: string | null;
}

/** Options of `useFormMutation`. */
export interface FormMutationOptions<Values, Result> {
  mutationFn: (values: Values) => Promise<Result>;
  onSuccess?: (result: Result, values: Values) => void;
  /** Turns a failure into field and form messages; defaults to the API's. */
  errorView?: typeof submitErrorView;
  fieldAliases?: FieldAliases;
}

/**
 * Submits a checked Mantine form through a mutation: the API's per-field
 * messages land on their fields, anything else above the form.
 */
export function useFormMutation<Values, Result>(
  form: UseFormReturnType<Values>,
  options: FormMutationOptions<Values, Result>,
): FormMutation {
  const { errorView = submitErrorView, fieldAliases } = options;

  function handleError(error: Error) {
    form.setErrors(errorView(error, fieldAliases).fieldErrors);
  }

  const mutation = useMutation({
    mutationFn: options.mutationFn,
    onSuccess: options.onSuccess,
    onError: handleError,
  });
  return {
    handleSubmit: form.onSubmit((values) => {
      mutation.mutate(values);
    }),
    isSubmitting: mutation.isPending,
    formMessage: errorView(mutation.error, fieldAliases).formMessage,
  };
}
