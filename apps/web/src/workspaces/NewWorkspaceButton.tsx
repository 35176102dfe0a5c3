import {
  Button,
  Group,
  Modal,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

import { FormAlert } from "../components/FormAlert";
import { useNewWorkspaceForm } from "./use-new-workspace-form";

/** Opens a form to create a workspace. */
export function NewWorkspaceButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open}>New workspace</Button>
      <Modal opened={opened} onClose={close} title="New workspace">
        <NewWorkspaceForm onCancel={close} />
      </Modal>
    </>
  );
}

interface NewWorkspaceFormProps {
  onCancel: () => void;
}

function NewWorkspaceForm({ onCancel }: NewWorkspaceFormProps) {
  const { form, handleSubmit, isSubmitting, formMessage } =
    useNewWorkspaceForm();
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="New workspace">
      <Stack>
        <FormAlert message={formMessage} />
        <TextInput
          label="Name"
          placeholder="Engineering"
          data-autofocus
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <Textarea
          label="Description"
          placeholder="What this workspace is for"
          autosize
          minRows={2}
          key={form.key("description")}
          {...form.getInputProps("description")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create workspace
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
