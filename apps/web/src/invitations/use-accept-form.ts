import {
  passwordSchema,
  personNameSchema,
  type AuthResponse,
  type InvitationPreview,
} from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { z } from "zod";

import { acceptInvitation } from "../api/invitations";
import { startSession } from "../auth/auth-session";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";
import { previewQueryKey } from "./invitation-queries";

/** The accept form's fields; the name only matters for a new account. */
export interface AcceptValues {
  name: string;
  password: string;
}

/** State of the accept form: its fields and submission. */
export interface AcceptForm extends FormMutation {
  form: UseFormReturnType<AcceptValues>;
}

const newAccountSchema = z.object({
  name: personNameSchema,
  password: passwordSchema,
});

const existingAccountSchema = z.object({
  password: z.string().min(1, { error: "Enter your password" }),
});

/**
 * State of the accept form. A new person chooses a name and password; a
 * person with an account proves it with their password. Either way they
 * end up signed in to the organization.
 */
export function useAcceptForm(
  token: string,
  preview: InvitationPreview,
): AcceptForm {
  const form = useForm<AcceptValues>({
    mode: "uncontrolled",
    initialValues: { name: "", password: "" },
    validate: schemaResolver(
      preview.accountExists ? existingAccountSchema : newAccountSchema,
      { sync: true },
    ),
  });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  function handleAccepted(auth: AuthResponse) {
    // The link is used up; asking for its preview again would only fail.
    queryClient.removeQueries({ queryKey: previewQueryKey(token) });
    startSession(auth);
    notifySuccess(`Welcome to ${auth.organization.name}!`);
    void navigate("/", { replace: true });
  }

  function accept({ name, password }: AcceptValues): Promise<AuthResponse> {
    return acceptInvitation(
      preview.accountExists ? { token, password } : { token, name, password },
    );
  }

  const submission = useFormMutation(form, {
    mutationFn: accept,
    onSuccess: handleAccepted,
  });
  return { form, ...submission };
}
