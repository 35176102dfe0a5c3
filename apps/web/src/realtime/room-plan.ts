/** What this tab wants the server to know: projects shown, tasks open. */
export interface WantedRooms {
  /** Projects some page or panel is showing. */
  projects: ReadonlySet<string>;
  /** The task open in a project's panel, by project. */
  openTasks: ReadonlyMap<string, string>;
}

/** What the server was told on the current connection. */
export interface ToldRooms {
  joined: ReadonlySet<string>;
  /** Joins sent and not answered yet. */
  joining: ReadonlySet<string>;
  /** The open task last sent per joined project (null: none). */
  focus: ReadonlyMap<string, string | null>;
}

/** The messages that bring the server in line with what is wanted. */
export interface RoomMessages {
  join: string[];
  leave: string[];
  focus: { projectId: string; taskId: string | null }[];
}

/**
 * The joins, leaves and focus changes to send. A project is joined once at
 * a time; which task is open is sent only for a joined project, since the
 * server refuses it before the join is through.
 */
export function roomMessages(
  wanted: WantedRooms,
  told: ToldRooms,
): RoomMessages {
  const join = [...wanted.projects].filter(
    (projectId) => !told.joined.has(projectId) && !told.joining.has(projectId),
  );
  const leave = [...told.joined].filter(
    (projectId) => !wanted.projects.has(projectId),
  );
  const focus = [...told.joined]
    .filter((projectId) => wanted.projects.has(projectId))
    .map((projectId) => ({
      projectId,
      taskId: wanted.openTasks.get(projectId) ?? null,
    }))
    .filter(({ projectId, taskId }) => told.focus.get(projectId) !== taskId);
  return { join, leave, focus };
}
