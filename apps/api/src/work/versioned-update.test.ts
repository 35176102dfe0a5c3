import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors.js";
import { applyVersionedUpdate } from "./versioned-update.js";

interface Note {
  version: number;
  title: string;
}

/**
 * A stored note that someone else replaces with the next of `meddling`
 * just before each write lands, as a concurrent transaction would.
 */
function storeOf(initial: Note, meddling: Note[] = []) {
  let stored = initial;
  const attempts: number[] = [];
  return {
    attempts,
    reload: () => Promise.resolve(stored),
    write: (record: Note) => {
      attempts.push(record.version);
      stored = meddling.shift() ?? stored;
      if (stored.version !== record.version) {
        return Promise.resolve(undefined);
      }
      stored = { ...stored, version: stored.version + 1 };
      return Promise.resolve(stored);
    },
  };
}

async function refusalOf(update: Promise<unknown>): Promise<AppError> {
  const error: unknown = await update.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) {
    throw new Error("expected the update to be refused");
  }
  return error;
}

describe("applyVersionedUpdate", () => {
  const plan = { version: 3, title: "Plan" };

  it("writes an update made from the current version", async () => {
    const store = storeOf(plan);

    const written = await applyVersionedUpdate(
      plan,
      { baseVersion: 3, changes: { title: "Roadmap" } },
      store,
    );

    expect(written.version).toBe(4);
    expect(store.attempts).toEqual([3]);
  });

  it("keeps the record and its version when no field is sent", async () => {
    const store = storeOf(plan);

    const result = await applyVersionedUpdate(
      plan,
      { baseVersion: 1, changes: {} },
      store,
    );

    expect(result).toBe(plan);
    expect(store.attempts).toEqual([]);
  });

  it("reloads and writes again when a concurrent writer got in first", async () => {
    const store = storeOf(plan, [{ version: 4, title: "Plan" }]);

    const written = await applyVersionedUpdate(
      plan,
      { baseVersion: 3, changes: { title: "Plan" } },
      store,
    );

    expect(store.attempts).toEqual([3, 4]);
    expect(written.version).toBe(5);
  });

  it("answers 409 when the concurrent writer changed a sent field", async () => {
    const store = storeOf(plan, [{ version: 4, title: "Agenda" }]);

    const error = await refusalOf(
      applyVersionedUpdate(
        plan,
        { baseVersion: 3, changes: { title: "Roadmap" } },
        store,
      ),
    );

    expect(error.code).toBe("conflict");
    expect(error.details?.map((detail) => detail.path)).toEqual(["title"]);
  });

  it("answers 409 when it loses the race twice", async () => {
    const store = storeOf(plan, [
      { version: 4, title: "Plan" },
      { version: 5, title: "Plan" },
    ]);

    const error = await refusalOf(
      applyVersionedUpdate(
        plan,
        { baseVersion: 3, changes: { title: "Plan" } },
        store,
      ),
    );

    expect(error.code).toBe("conflict");
    expect(store.attempts).toEqual([3, 4]);
  });
});
