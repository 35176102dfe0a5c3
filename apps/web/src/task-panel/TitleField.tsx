import type { Task } from "@ares/contracts";
import { Textarea } from "@mantine/core";
import type { ChangeEvent, KeyboardEvent } from "react";

import type { TaskChanges } from "../tasks/next-tasks";
import { useFieldDraft } from "./use-field-draft";

/** Props of `TitleField`. */
export interface TitleFieldProps {
  task: Task;
  readOnly: boolean;
  error: string | undefined;
  onSave: (changes: TaskChanges, startedFrom: number) => void;
}

/** The task's title, edited in place: Enter or leaving saves, Escape undoes. */
export function TitleField({ task, readOnly, error, onSave }: TitleFieldProps) {
  const draft = useFieldDraft(task.title, task.version);

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    draft.change(event.currentTarget.value.replace(/\n/g, " "));
  }

  function handleBlur() {
    const done = draft.finish();
    const title = done?.value.trim() ?? "";
    if (done !== null && title !== "" && title !== task.title) {
      onSave({ title }, done.startedFrom);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      event.currentTarget.blur();
    }
    if (event.key === "Escape") {
      event.stopPropagation();
      draft.cancel();
      event.currentTarget.blur();
    }
  }

  return (
    <Textarea
      aria-label="Title"
      value={draft.value}
      onFocus={draft.begin}
      onChange={handleChange}
      onBlur={handleBlur}
      onKeyDown={handleKeyDown}
      readOnly={readOnly}
      error={error}
      autosize
      minRows={1}
      maxLength={200}
      variant="unstyled"
      styles={{ input: { fontSize: 22, fontWeight: 600, lineHeight: 1.3 } }}
    />
  );
}
