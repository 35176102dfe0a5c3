import {
  createProjectRequestSchema,
  type CreateProjectRequest,
  type Project,
} from "@ares/contracts";
import { schemaResolver, useForm, type UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { createProject } from "../api/projects";
import { useFormMutation, type FormMutation } from "../forms/use-form-mutation";
import { notifySuccess } from "../notify";
import { workspaceKeys } from "../workspaces/workspace-queries";
import { projectKeys } from "./project-queries";

/** State of the new-project form. */
export interface NewProjectForm extends FormMutation {
  form: UseFormReturnType<CreateProjectRequest>;
}

/**
 * A key suggested from a project's name: the initials of its words, or
 * the start of a single word, in capitals.
 */
export function suggestKey(name: string): string {
  const words = name.toUpperCase().match(/[A-Z0-9]+/g) ?? [];
  const initials = words.map((word) => word[0]).join("");
  const key = initials.length >= 2 ? initials : (words[0] ?? "");
  return key.replace(/^[0-9]+/, "").slice(0, 10);
}

/** Creates a project in `workspaceId`, then opens its board. */
export function useNewProjectForm(workspaceId: string): NewProjectForm {
  const form = useForm<CreateProjectRequest>({
    mode: "controlled",
    initialValues: { workspaceId, key: "", name: "", description: "" },
    validate: schemaResolver(createProjectRequestSchema, { sync: true }),
  });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  function handleCreated(project: Project) {
    notifySuccess(`${project.name} is ready.`);
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    void queryClient.invalidateQueries({ queryKey: projectKeys.all });
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    void navigate(`/projects/${project.id}`);
  }

  const submission = useFormMutation(form, {
    mutationFn: createProject,
    onSuccess: handleCreated,
  });
  return { form, ...submission };
}
