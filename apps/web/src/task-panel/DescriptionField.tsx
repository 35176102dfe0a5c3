import type { Task } from "@ares/contracts";
import {
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import type { ChangeEvent, KeyboardEvent } from "react";

import { Markdown } from "../components/Markdown";
import type { TaskChanges } from "../tasks/next-tasks";
import { useFieldDraft } from "./use-field-draft";

/** Props of `DescriptionField`. */
export interface DescriptionFieldProps {
  task: Task;
  readOnly: boolean;
  error: string | undefined;
  onSave: (changes: TaskChanges, startedFrom: number) => void;
}

/** The task's Markdown description: shown rendered, edited with a preview. */
export function DescriptionField(props: DescriptionFieldProps) {
  const { task, readOnly, error } = props;
  const draft = useFieldDraft(task.description, task.version);

  function handleSave() {
    const done = draft.finish();
    if (done !== null) {
      props.onSave({ description: done.value }, done.startedFrom);
    }
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="task-description">
      <Group justify="space-between">
        <Title order={3} size="h6" id="task-description">
          Description
        </Title>
        {!readOnly && !draft.isEditing && (
          <Button variant="subtle" size="compact-sm" onClick={draft.begin}>
            Edit description
          </Button>
        )}
      </Group>
      {draft.isEditing ? (
        <DescriptionEditor
          value={draft.value}
          error={error}
          onChange={draft.change}
          onSave={handleSave}
          onCancel={draft.cancel}
        />
      ) : (
        <DescriptionView text={task.description} />
      )}
    </Stack>
  );
}

function DescriptionView({ text }: { text: string }) {
  if (text.trim() === "") {
    return (
      <Text size="sm" c="dimmed">
        No description.
      </Text>
    );
  }
  return <Markdown text={text} />;
}

interface DescriptionEditorProps {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

function DescriptionEditor(props: DescriptionEditorProps) {
  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    props.onChange(event.currentTarget.value);
  }

  // Escape here must not close the panel, which would throw the draft
  // away; Ctrl+Enter saves.
  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.stopPropagation();
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSave();
    }
  }

  return (
    <Stack gap="xs">
      <Tabs defaultValue="write" variant="pills" radius="sm">
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            aria-label="Description"
            description="Markdown: # heading, **bold**, - list, [link](https://…)"
            value={props.value}
            onChange={handleChange}
            onKeyDown={handleKeyDown}
            error={props.error}
            autosize
            minRows={6}
            maxRows={20}
            maxLength={20000}
            data-autofocus
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <Paper withBorder p="sm" mih={140} aria-label="Preview">
            {props.value.trim() === "" ? (
              <Text size="sm" c="dimmed">
                Nothing to preview.
              </Text>
            ) : (
              <Box>
                <Markdown text={props.value} />
              </Box>
            )}
          </Paper>
        </Tabs.Panel>
      </Tabs>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button size="xs" onClick={props.onSave}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
