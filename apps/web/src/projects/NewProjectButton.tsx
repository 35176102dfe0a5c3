import {
  Button,
  Group,
  Modal,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ChangeEvent } from "react";

import { FormAlert } from "../components/FormAlert";
import { suggestKey, useNewProjectForm } from "./use-new-project-form";

/** Props of `NewProjectButton`. */
export interface NewProjectButtonProps {
  workspaceId: string;
}

/** Opens a form to create a project in a workspace. */
export function NewProjectButton({ workspaceId }: NewProjectButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open}>New project</Button>
      <Modal opened={opened} onClose={close} title="New project">
        <NewProjectForm workspaceId={workspaceId} onCancel={close} />
      </Modal>
    </>
  );
}

interface NewProjectFormProps {
  workspaceId: string;
  onCancel: () => void;
}

function NewProjectForm({ workspaceId, onCancel }: NewProjectFormProps) {
  const { form, handleSubmit, isSubmitting, formMessage } =
    useNewProjectForm(workspaceId);

  function handleNameChange(event: ChangeEvent<HTMLInputElement>) {
    const name = event.currentTarget.value;
    const { key, name: previousName } = form.getValues();
    if (key === "" || key === suggestKey(previousName)) {
      form.setFieldValue("key", suggestKey(name));
    }
    form.setFieldValue("name", name);
  }

  function handleKeyChange(event: ChangeEvent<HTMLInputElement>) {
    form.setFieldValue("key", event.currentTarget.value.toUpperCase());
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="New project">
      <Stack>
        <FormAlert message={formMessage} />
        <TextInput
          label="Name"
          placeholder="Mobile app"
          data-autofocus
          {...form.getInputProps("name")}
          onChange={handleNameChange}
        />
        <TextInput
          label="Key"
          description="Starts every task's key, as in ENG-42"
          placeholder="ENG"
          maxLength={10}
          {...form.getInputProps("key")}
          onChange={handleKeyChange}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          {...form.getInputProps("description")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create project
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
