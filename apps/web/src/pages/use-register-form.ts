import {
  registerRequestSchema,
  type AuthResponse,
  type RegisterRequest,
} from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useNavigate } from "react-router";

import { ApiError } from "../api/api-error";
import { register } from "../api/auth";
import { startSession } from "../auth/auth-session";
import { submitErrorView, type SubmitErrorView } from "../forms/submit-error";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";

/** State of the sign-up form: its fields and submission. */
export interface RegisterForm extends FormMutation {
  form: UseFormReturnType<RegisterRequest>;
}

const emptyRegistration: RegisterRequest = {
  organizationName: "",
  name: "",
  email: "",
  password: "",
};

/**
 * State of the sign-up form: checked with the contract's schema before
 * sending, then signed in and taken home on success.
 */
export function useRegisterForm(): RegisterForm {
  const form = useForm<RegisterRequest>({
    mode: "uncontrolled",
    initialValues: emptyRegistration,
    validate: schemaResolver(registerRequestSchema, { sync: true }),
    validateInputOnBlur: true,
  });
  const navigate = useNavigate();

  function handleRegistered(auth: AuthResponse) {
    startSession(auth);
    void navigate("/", { replace: true });
  }

  const submission = useFormMutation(form, {
    mutationFn: register,
    onSuccess: handleRegistered,
    errorView: registerErrorView,
  });
  return { form, ...submission };
}

/** The register endpoint answers 409 only when the email is taken. */
function registerErrorView(error: Error | null): SubmitErrorView {
  if (error instanceof ApiError && error.code === "conflict") {
    const email = error.fieldErrors.email ?? "This email is already registered";
    return { fieldErrors: { email }, formMessage: null };
  }
  return submitErrorView(error);
}
