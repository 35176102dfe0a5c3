import type { Task } from "@ares/contracts";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { KeyboardEvent } from "react";

import { isDraft } from "../tasks/use-create-task";
import { TaskCard } from "./TaskCard";

/** The sensor's key handler, which dnd-kit types loosely. */
type DragListeners = Partial<
  Record<"onKeyDown", (event: KeyboardEvent<HTMLDivElement>) => void>
>;

/** Props of `SortableTaskCard`. */
export interface SortableTaskCardProps {
  task: Task;
  today: string;
  finished: boolean;
  /** False for people who may only read. */
  canDrag: boolean;
  onOpen: (task: Task) => void;
}

/**
 * A card that can be dragged with the pointer, or with the keyboard:
 * Space picks it up, arrows move it, Space drops it, Escape cancels.
 * A click or Enter opens the task.
 */
export function SortableTaskCard(props: SortableTaskCardProps) {
  const { task, onOpen } = props;
  const draft = isDraft(task);
  const sortable = useSortable({
    id: task.id,
    disabled: draft || !props.canDrag,
  });

  function handleClick() {
    if (!draft) {
      onOpen(task);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const listeners = sortable.listeners as DragListeners | undefined;
    listeners?.onKeyDown?.(event);
    if (event.key === "Enter" && !sortable.isDragging && !draft) {
      onOpen(task);
    }
  }

  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
        opacity: sortable.isDragging ? 0.4 : 1,
      }}
    >
      <div
        {...sortable.attributes}
        {...sortable.listeners}
        role="button"
        tabIndex={0}
        aria-disabled={draft}
        onClick={handleClick}
        onKeyDown={handleKeyDown}
        style={{ outlineOffset: 2, borderRadius: "var(--mantine-radius-md)" }}
      >
        <TaskCard task={task} today={props.today} finished={props.finished} />
      </div>
    </li>
  );
}
