/**
 * The version an edit is sent from. It starts as the version the user began
 * editing; versions the same user produced since (an earlier edit that was
 * still on its way) are stepped over, so one's own changes never come back
 * as a conflict. Someone else's version stops the walk: theirs must be
 * checked against the edit.
 */
export function rebaseVersion(
  startedFrom: number,
  latest: number,
  own: ReadonlySet<number>,
): number {
  let base = startedFrom;
  while (base < latest && own.has(base + 1)) {
    base += 1;
  }
  return base;
}

const ownVersions = new Map<string, Set<number>>();

/** Notes that this tab's own change gave `taskId` its `version`. */
export function rememberOwnVersion(taskId: string, version: number): void {
  const versions = ownVersions.get(taskId) ?? new Set<number>();
  versions.add(version);
  ownVersions.set(taskId, versions);
}

/** The versions of `taskId` this tab produced itself. */
export function ownVersionsOf(taskId: string): ReadonlySet<number> {
  return ownVersions.get(taskId) ?? new Set<number>();
}
