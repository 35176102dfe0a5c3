import type { Task } from "@ares/contracts";
import type {
  DragEndEvent,
  DragOverEvent,
  DragStartEvent,
} from "@dnd-kit/core";
import { useState } from "react";

import {
  columnIdsOf,
  dragEnd,
  dragOver,
  moveOf,
  type BoardColumn,
  type BoardMove,
  type ColumnIds,
} from "./board-state";

interface DragState {
  /** The task being dragged; null once dropped. */
  activeId: string | null;
  ids: ColumnIds;
  /** The board's tasks when the drag began or ended. */
  tasks: readonly Task[];
}

/** A board's drag and drop: the order to show, and dnd-kit's handlers. */
export interface BoardDrag {
  ids: ColumnIds;
  activeId: string | null;
  handleDragStart: (event: DragStartEvent) => void;
  handleDragOver: (event: DragOverEvent) => void;
  handleDragEnd: (event: DragEndEvent) => void;
  handleDragCancel: () => void;
}

/**
 * Tracks a drag across columns. While dragging, the order shown is the
 * drag's own; after the drop it stays until the board's tasks change (the
 * move applied to the cache), so the card never flickers back.
 */
export function useBoardDrag(
  tasks: readonly Task[],
  columns: readonly BoardColumn[],
  onMove: (move: BoardMove) => void,
): BoardDrag {
  const [drag, setDrag] = useState<DragState | null>(null);
  const showsDrag =
    drag !== null && (drag.activeId !== null || drag.tasks === tasks);

  function handleDragStart({ active }: DragStartEvent) {
    setDrag({ activeId: String(active.id), ids: columnIdsOf(columns), tasks });
  }

  function handleDragOver({ active, over }: DragOverEvent) {
    if (over === null) {
      return;
    }
    setDrag(
      (current) =>
        current && {
          ...current,
          ids: dragOver(current.ids, String(active.id), String(over.id)),
        },
    );
  }

  function handleDragEnd({ active, over }: DragEndEvent) {
    if (drag === null || over === null) {
      setDrag(null);
      return;
    }
    const ids = dragEnd(drag.ids, String(active.id), String(over.id));
    setDrag({ activeId: null, ids, tasks });
    const move = moveOf(ids, String(active.id));
    if (move !== null) {
      onMove(move);
    }
  }

  function handleDragCancel() {
    setDrag(null);
  }

  return {
    ids: showsDrag ? drag.ids : columnIdsOf(columns),
    activeId: drag?.activeId ?? null,
    handleDragStart,
    handleDragOver,
    handleDragEnd,
    handleDragCancel,
  };
}
