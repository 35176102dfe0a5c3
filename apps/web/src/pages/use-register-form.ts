import {
  registerRequestSchema,
  type AuthResponse,
  type RegisterRequest,
} from "@ares/contracts";
import { schemaResolver, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { ApiError } from "../api/api-error";
import { register } from "../api/auth";
import { useSignIn } from "../auth/use-auth-actions";
import {
  submitErrorView,
  type AuthForm,
  type SubmitErrorView,
} from "./auth-form";

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
export function useRegisterForm(): AuthForm<RegisterRequest> {
  const form = useForm<RegisterRequest>({
    mode: "uncontrolled",
    initialValues: emptyRegistration,
    validate: schemaResolver(registerRequestSchema, { sync: true }),
    validateInputOnBlur: true,
  });
  const signIn = useSignIn();
  const navigate = useNavigate();

  function handleRegistered(auth: AuthResponse) {
    signIn(auth);
    void navigate("/", { replace: true });
  }

  function handleRegisterError(error: Error) {
    form.setErrors(registerErrorView(error).fieldErrors);
  }

  const registration = useMutation({
    mutationFn: register,
    onSuccess: handleRegistered,
    onError: handleRegisterError,
  });
  return {
    form,
    handleSubmit: form.onSubmit((values) => {
      registration.mutate(values);
    }),
    isSubmitting: registration.isPending,
    formMessage: registerErrorView(registration.error).formMessage,
  };
}

/** The register endpoint answers 409 only when the email is taken. */
function registerErrorView(error: Error | null): SubmitErrorView {
  if (error instanceof ApiError && error.code === "conflict") {
    const email = error.fieldErrors.email ?? "This email is already registered";
    return { fieldErrors: { email }, formMessage: null };
  }
  return submitErrorView(error);
}
