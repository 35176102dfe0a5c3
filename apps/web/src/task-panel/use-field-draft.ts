import { useState } from "react";

interface Draft<T> {
  value: T;
  /** The value when editing began, to tell whether it changed. */
  initial: T;
  /** The task's version when editing began: the edit's base version. */
  startedFrom: number;
}

/** A field edited in place, saved when the user is done with it. */
export interface FieldDraft<T> {
  /** The value to show: the draft while editing, the task's otherwise. */
  value: T;
  isEditing: boolean;
  begin: () => void;
  change: (value: T) => void;
  /** Ends editing; returns the draft when it changed, for saving. */
  finish: () => { value: T; startedFrom: number } | null;
  cancel: () => void;
}

/**
 * Holds what the user types apart from the task, so a newer copy of the
 * task arriving meanwhile neither overwrites their typing nor is taken
 * for their change. The version they began at is kept for `baseVersion`.
 */
export function useFieldDraft<T>(
  current: T,
  version: number,
  same: (a: T, b: T) => boolean = Object.is,
): FieldDraft<T> {
  const [draft, setDraft] = useState<Draft<T> | null>(null);

  function begin() {
    setDraft(
      (held) =>
        held ?? { value: current, initial: current, startedFrom: version },
    );
  }

  function change(value: T) {
    setDraft((held) =>
      held === null
        ? { value, initial: current, startedFrom: version }
        : { ...held, value },
    );
  }

  function finish() {
    setDraft(null);
    if (draft === null || same(draft.value, draft.initial)) {
      return null;
    }
    return { value: draft.value, startedFrom: draft.startedFrom };
  }

  function cancel() {
    setDraft(null);
  }

  return {
    value: draft === null ? current : draft.value,
    isEditing: draft !== null,
    begin,
    change,
    finish,
    cancel,
  };
}
