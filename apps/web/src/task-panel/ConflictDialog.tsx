import type { FieldConflict, Project } from "@ares/contracts";
import {
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useState } from "react";

import { chooseAll, type ConflictChoice } from "../tasks/conflict";
import { useValueNames } from "../tasks/use-value-names";
import {
  fieldLabels,
  showFieldValue,
  type FieldValueNames,
} from "./field-values";
import type { PendingConflict } from "./use-task-editor";

/** Props of `ConflictDialog`. */
export interface ConflictDialogProps {
  project: Project;
  conflict: PendingConflict;
  onResolve: (choices: Readonly<Record<string, ConflictChoice>>) => void;
}

/**
 * Shows each field someone else changed while the user was editing it:
 * the value both started from, theirs and mine, and which to keep. Closing
 * the dialog keeps theirs.
 */
export function ConflictDialog({
  project,
  conflict,
  onResolve,
}: ConflictDialogProps) {
  const { fields } = conflict.details;
  const [choices, setChoices] = useState(() => chooseAll(fields, "theirs"));
  const names = useValueNames(project);

  function handleChoice(field: string, choice: ConflictChoice) {
    setChoices((current) => ({ ...current, [field]: choice }));
  }

  function handleApply() {
    onResolve(choices);
  }

  function handleKeepTheirs() {
    onResolve(chooseAll(fields, "theirs"));
  }

  return (
    <Modal
      opened
      onClose={handleKeepTheirs}
      title="Someone else changed this task"
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          While you were editing, someone else changed the same{" "}
          {fields.length === 1 ? "field" : "fields"}. Choose which value to
          keep.
        </Text>
        {fields.map((field) => (
          <FieldChoice
            key={field.field}
            conflict={field}
            choice={choices[field.field] ?? "theirs"}
            names={names}
            onChoose={handleChoice}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={handleKeepTheirs}>
            Keep all theirs
          </Button>
          <Button onClick={handleApply}>Save choices</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface FieldChoiceProps {
  conflict: FieldConflict;
  choice: ConflictChoice;
  names: FieldValueNames;
  onChoose: (field: string, choice: ConflictChoice) => void;
}

function FieldChoice({ conflict, choice, names, onChoose }: FieldChoiceProps) {
  const label = fieldLabels[conflict.field] ?? conflict.field;
  const show = (value: unknown) => showFieldValue(conflict.field, value, names);

  function handleChange(value: string) {
    onChoose(conflict.field, value === "mine" ? "mine" : "theirs");
  }

  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" m={0}>
      <Text component="legend" fw={600} size="sm" px={4}>
        {label}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        You both started from: {show(conflict.base)}
      </Text>
      <Radio.Group value={choice} onChange={handleChange} aria-label={label}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Radio.Card value="theirs" p="sm" radius="md">
            <ChoiceBody title="Keep theirs" value={show(conflict.server)} />
          </Radio.Card>
          <Radio.Card value="mine" p="sm" radius="md">
            <ChoiceBody title="Keep mine" value={show(conflict.client)} />
          </Radio.Card>
        </SimpleGrid>
      </Radio.Group>
    </Paper>
  );
}

interface ChoiceBodyProps {
  title: string;
  value: string;
}

function ChoiceBody({ title, value }: ChoiceBodyProps) {
  return (
    <Group wrap="nowrap" align="flex-start" gap="sm">
      <Radio.Indicator />
      <Stack gap={2} miw={0}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="sm" style={{ wordBreak: "break-word" }} lineClamp={4}>
          {value}
        </Text>
      </Stack>
    </Group>
  );
}
