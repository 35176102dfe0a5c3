import {
  createInvitationRequestSchema,
  type CreateInvitationRequest,
  type Invitation,
} from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";

import { createInvitation } from "../api/invitations";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";
import { outboxQueryKey } from "../outbox/outbox-query";
import { invitationsQueryKey } from "./invitation-queries";

/** State of the invite form: its fields and submission. */
export interface InviteForm extends FormMutation {
  form: UseFormReturnType<CreateInvitationRequest>;
}

/** State of the invite form: sends the invitation, then starts afresh. */
export function useInviteForm(): InviteForm {
  const form = useForm<CreateInvitationRequest>({
    mode: "uncontrolled",
    initialValues: { email: "", role: "member" },
    validate: schemaResolver(createInvitationRequestSchema, { sync: true }),
  });
  const queryClient = useQueryClient();

  function handleInvited(invitation: Invitation) {
    notifySuccess(`Invitation sent to ${invitation.email}.`);
    form.reset();
    void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
    void queryClient.invalidateQueries({ queryKey: outboxQueryKey });
  }

  const submission = useFormMutation(form, {
    mutationFn: createInvitation,
    onSuccess: handleInvited,
  });
  return { form, ...submission };
}
