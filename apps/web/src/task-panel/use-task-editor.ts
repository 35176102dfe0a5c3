import type { Task } from "@ares/contracts";
import { useState } from "react";

import {
  resolveConflict,
  type ConflictChoice,
  type TaskConflictDetails,
} from "../tasks/conflict";
import type { TaskChanges } from "../tasks/next-tasks";
import { useUpdateTask, type TaskEdit } from "../tasks/use-update-task";

/** A clash waiting for the user: both sides, and what they had sent. */
export interface PendingConflict {
  details: TaskConflictDetails;
  sent: TaskChanges;
}

/** Everything the task panel needs to edit a task. */
export interface TaskEditor {
  /** Saves the changed fields, from the version the user began at. */
  save: (changes: TaskChanges, startedFrom: number) => void;
  /** The server's message per field (API names, e.g. `assigneeId`). */
  fieldErrors: Readonly<Record<string, string>>;
  conflict: PendingConflict | null;
  /** Applies the user's choice per clashing field. */
  resolve: (choices: Readonly<Record<string, ConflictChoice>>) => void;
}

/** Edits one task, holding a clash until the user settles it. */
export function useTaskEditor(task: Task): TaskEditor {
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [fieldErrors, setFieldErrors] = useState<
    Readonly<Record<string, string>>
  >({});
  const update = useUpdateTask(task.projectId, {
    onConflict: handleConflict,
    onFieldErrors: setFieldErrors,
  });

  function handleConflict(details: TaskConflictDetails, edit: TaskEdit) {
    setConflict({ details, sent: edit.changes });
  }

  function save(changes: TaskChanges, startedFrom: number) {
    setFieldErrors({});
    update.mutate({ taskId: task.id, startedFrom, changes });
  }

  function resolve(choices: Readonly<Record<string, ConflictChoice>>) {
    if (conflict === null) {
      return;
    }
    setConflict(null);
    const changes = resolveConflict(conflict.details, conflict.sent, choices);
    if (changes !== null) {
      save(changes, conflict.details.current.version);
    }
  }

  return { save, fieldErrors, conflict, resolve };
}
