/**
 * Runs `task` while holding the named Web Lock, so tabs of this browser
 * take turns; runs it directly where Web Locks are missing (insecure
 * origins, old browsers), which only loses the cross-tab ordering.
 */
export async function withCrossTabLock<T>(
  name: string,
  task: () => Promise<T>,
): Promise<T> {
  const locks = browserLocks();
  if (locks === undefined) {
    return task();
  }
  // The lock resolves with what the task resolves with; the DOM typings
  // nest the promise one level too deep.
  const result = await locks.request(name, task);
  return result;
}

function browserLocks(): LockManager | undefined {
  const navigatorRef = (globalThis as { navigator?: Partial<Navigator> })
    .navigator;
  return navigatorRef?.locks;
}
