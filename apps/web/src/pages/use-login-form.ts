import {
  loginRequestSchema,
  type AuthResponse,
  type LoginRequest,
} from "@ares/contracts";
import { schemaResolver, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { logIn } from "../api/auth";
import { useSignIn } from "../auth/use-auth-actions";
import { submitErrorView, type AuthForm } from "./auth-form";

const emptyLogin: LoginRequest = { email: "", password: "" };

/** State of the sign-in form: signs in and goes home on success. */
export function useLoginForm(): AuthForm<LoginRequest> {
  const form = useForm<LoginRequest>({
    mode: "uncontrolled",
    initialValues: emptyLogin,
    validate: schemaResolver(loginRequestSchema, { sync: true }),
  });
  const signIn = useSignIn();
  const navigate = useNavigate();

  function handleLoggedIn(auth: AuthResponse) {
    signIn(auth);
    void navigate("/", { replace: true });
  }

  function handleLoginError(error: Error) {
    form.setErrors(submitErrorView(error).fieldErrors);
  }

  const login = useMutation({
    mutationFn: logIn,
    onSuccess: handleLoggedIn,
    onError: handleLoginError,
  });
  return {
    form,
    handleSubmit: form.onSubmit((values) => {
      login.mutate(values);
    }),
    isSubmitting: login.isPending,
    formMessage: submitErrorView(login.error).formMessage,
  };
}
