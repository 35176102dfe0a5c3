import type { WorkflowStatus } from "@ares/contracts";
import { Button, TextInput } from "@mantine/core";
import { useState, type ChangeEvent, type KeyboardEvent } from "react";

import { PlusIcon } from "../components/icons";
import { useCreateTask } from "../tasks/use-create-task";

/** Props of `QuickAdd`. */
export interface QuickAddProps {
  projectId: string;
  status: WorkflowStatus;
}

/**
 * Adds tasks at the bottom of a column by title: Enter adds one and leaves
 * the field open for the next, Escape closes it.
 */
export function QuickAdd({ projectId, status }: QuickAddProps) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const create = useCreateTask(projectId);

  function handleOpen() {
    setOpen(true);
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    setTitle(event.currentTarget.value);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      setTitle("");
      setOpen(false);
      return;
    }
    const trimmed = title.trim();
    if (event.key === "Enter" && trimmed !== "") {
      event.preventDefault();
      create.mutate({ title: trimmed, status: status.key });
      setTitle("");
    }
  }

  function handleBlur() {
    if (title.trim() === "") {
      setOpen(false);
    }
  }

  if (!open) {
    return (
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        fullWidth
        justify="flex-start"
        mt="xs"
        onClick={handleOpen}
        aria-label={`Add a task to ${status.name}`}
        leftSection={<PlusIcon size={14} />}
      >
        Add task
      </Button>
    );
  }
  return (
    <TextInput
      mt="xs"
      size="sm"
      autoFocus
      aria-label={`New task in ${status.name}`}
      placeholder="Title, then Enter"
      maxLength={200}
      value={title}
      onChange={handleChange}
      onKeyDown={handleKeyDown}
      onBlur={handleBlur}
    />
  );
}
