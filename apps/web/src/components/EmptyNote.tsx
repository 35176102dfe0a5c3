import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** Props of `EmptyNote`. */
export interface EmptyNoteProps {
  title: string;
  description?: ReactNode;
  /** A way out of the empty state, such as a "create" button. */
  action?: ReactNode;
}

/** Says a list is empty and, where it can, how to fill it. */
export function EmptyNote({ title, description, action }: EmptyNoteProps) {
  return (
    <EmptyState
      title={title}
      description={description}
      py="xl"
      bd="1px dashed var(--mantine-color-default-border)"
      bdrs="md"
    >
      {action !== undefined && (
        <EmptyState.Actions>{action}</EmptyState.Actions>
      )}
    </EmptyState>
  );
}
