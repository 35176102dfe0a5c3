import type { Announcements, ScreenReaderInstructions } from "@dnd-kit/core";

import { columnOf, type ColumnIds } from "./board-state";

/** How the board names tasks and columns to screen readers. */
export interface BoardNames {
  task: (id: string) => string;
  column: (status: string) => string;
}

/** What a screen reader hears on focusing a card. */
export const boardInstructions: ScreenReaderInstructions = {
  draggable:
    "Press Enter to open the task. To move it, press Space, use the arrow " +
    "keys, then press Space again to drop it, or Escape to cancel.",
};

/** Where `id` (a task, or a column's drop zone) stands, in words. */
function place(ids: ColumnIds, id: string, names: BoardNames): string {
  const status = columnOf(ids, id);
  if (status === undefined) {
    return "outside the columns";
  }
  const column = ids[status] ?? [];
  const index = column.indexOf(id);
  const where = names.column(status);
  return index === -1
    ? where
    : `${where}, position ${String(index + 1)} of ${String(column.length)}`;
}

/**
 * Spoken updates while a card is picked up, carried and dropped. Places
 * are read from what the card is over, which the board has not yet
 * re-rendered when dnd-kit asks. Being over its own place says nothing
 * new, so "Picked up" is not talked over at once.
 */
export function boardAnnouncements(
  ids: ColumnIds,
  names: BoardNames,
): Announcements {
  const title = (id: string | number) => names.task(String(id));
  return {
    onDragStart: ({ active }) =>
      `Picked up ${title(active.id)}, in ${place(ids, String(active.id), names)}.`,
    onDragOver: ({ active, over }) => {
      if (over === null) {
        return `${title(active.id)} is no longer over a column.`;
      }
      return over.id === active.id
        ? undefined
        : `Moved ${title(active.id)} to ${place(ids, String(over.id), names)}.`;
    },
    onDragEnd: ({ active, over }) =>
      over === null
        ? `${title(active.id)} was put back where it was.`
        : `Dropped ${title(active.id)} in ${place(ids, String(over.id), names)}.`,
    onDragCancel: ({ active }) =>
      `Moving was cancelled. ${title(active.id)} is back where it was.`,
  };
}
