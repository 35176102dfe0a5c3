import {
  loginRequestSchema,
  type AuthResponse,
  type LoginRequest,
} from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useNavigate } from "react-router";
import { z } from "zod";

import { logIn } from "../api/auth";
import { startSession } from "../auth/auth-session";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";

/** The sign-in form's fields. */
export interface LoginValues {
  email: string;
  password: string;
}

/** State of the sign-in form: its fields and submission. */
export interface LoginForm extends FormMutation {
  form: UseFormReturnType<LoginValues>;
}

const emptyLogin: LoginValues = { email: "", password: "" };
const organizationIdSchema = z.uuid();

/** The organization a link asked to sign in to, when it names a valid one. */
export function requestedOrganization(value: string | null): string | null {
  return organizationIdSchema.safeParse(value).success ? value : null;
}

/**
 * State of the sign-in form: signs in, into `organizationId` when given,
 * and goes home on success.
 */
export function useLoginForm(organizationId: string | null): LoginForm {
  const form = useForm<LoginValues>({
    mode: "uncontrolled",
    initialValues: emptyLogin,
    validate: schemaResolver(loginRequestSchema, { sync: true }),
  });
  const navigate = useNavigate();

  function handleLoggedIn(auth: AuthResponse) {
    startSession(auth);
    void navigate("/", { replace: true });
  }

  function signIn(values: LoginValues): Promise<AuthResponse> {
    const request: LoginRequest =
      organizationId === null ? values : { ...values, organizationId };
    return logIn(request);
  }

  const submission = useFormMutation(form, {
    mutationFn: signIn,
    onSuccess: handleLoggedIn,
  });
  return { form, ...submission };
}
