import { passwordSchema } from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useNavigate } from "react-router";
import { z } from "zod";

import { resetPassword } from "../api/auth";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";

/** The reset form's fields. */
export interface ResetPasswordValues {
  password: string;
  confirmation: string;
}

/** State of the reset form: its fields and submission. */
export interface ResetPasswordForm extends FormMutation {
  form: UseFormReturnType<ResetPasswordValues>;
}

const resetValuesSchema = z
  .object({ password: passwordSchema, confirmation: z.string() })
  .refine((values) => values.password === values.confirmation, {
    path: ["confirmation"],
    error: "The passwords do not match",
  });

/**
 * State of the reset form: sets the new password with the link's token and
 * sends the user to sign in with it.
 */
export function useResetPasswordForm(token: string): ResetPasswordForm {
  const form = useForm<ResetPasswordValues>({
    mode: "uncontrolled",
    initialValues: { password: "", confirmation: "" },
    validate: schemaResolver(resetValuesSchema, { sync: true }),
  });
  const navigate = useNavigate();

  function handleReset() {
    notifySuccess("Password changed. Sign in with your new password.");
    void navigate("/login", { replace: true });
  }

  const submission = useFormMutation(form, {
    mutationFn: ({ password }: ResetPasswordValues) =>
      resetPassword({ token, password }),
    onSuccess: handleReset,
  });
  return { form, ...submission };
}
