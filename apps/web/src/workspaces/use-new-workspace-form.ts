import {
  createWorkspaceRequestSchema,
  type CreateWorkspaceRequest,
  type Workspace,
} from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { createWorkspace } from "../api/workspaces";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";
import { workspaceKeys } from "./workspace-queries";

/** State of the new-workspace form. */
export interface NewWorkspaceForm extends FormMutation {
  form: UseFormReturnType<CreateWorkspaceRequest>;
}

/** Creates a workspace, then opens it. */
export function useNewWorkspaceForm(): NewWorkspaceForm {
  const form = useForm<CreateWorkspaceRequest>({
    mode: "uncontrolled",
    initialValues: { name: "", description: "" },
    validate: schemaResolver(createWorkspaceRequestSchema, { sync: true }),
  });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  function handleCreated(workspace: Workspace) {
    notifySuccess(`${workspace.name} is ready.`);
    queryClient.setQueryData(workspaceKeys.detail(workspace.id), workspace);
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    void navigate(`/workspaces/${workspace.id}`);
  }

  const submission = useFormMutation(form, {
    mutationFn: createWorkspace,
    onSuccess: handleCreated,
  });
  return { form, ...submission };
}
