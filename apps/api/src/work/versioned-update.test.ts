import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors.js";
import { applyVersionedUpdate } from "./versioned-update.js";

interface Note {
  version: number;
  title: string;
  body: string;
  field_versions: Record<string, number>;
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
  // Version 3: the title last changed at version 2, the body at version 3.
  const plan: Note = {
    version: 3,
    title: "Plan",
    body: "Draft",
    field_versions: { title: 2, body: 3 },
  };

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

  it("keeps the record and its version when nothing changes", async () => {
    const store = storeOf(plan);

    const result = await applyVersionedUpdate(
      plan,
      { baseVersion: 1, changes: { title: "Plan" } },
      store,
    );

    expect(result).toBe(plan);
    expect(store.attempts).toEqual([]);
  });

  it("merges a field nobody changed since the base version", async () => {
    const store = storeOf(plan);

    const written = await applyVersionedUpdate(
      plan,
      { baseVersion: 2, changes: { title: "Roadmap" } },
      store,
    );

    expect(written.version).toBe(4);
  });

  it("answers 409 naming a field someone else changed since the base version", async () => {
    const error = await refusalOf(
      applyVersionedUpdate(
        plan,
        { baseVersion: 2, changes: { title: "Roadmap", body: "Mine" } },
        storeOf(plan),
      ),
    );

    expect(error.code).toBe("conflict");
    expect(error.details?.map((detail) => detail.path)).toEqual(["body"]);
  });

  it("reloads and writes again when a concurrent writer changed another field", async () => {
    const store = storeOf(plan, [
      {
        ...plan,
        version: 4,
        body: "Theirs",
        field_versions: { title: 2, body: 4 },
      },
    ]);

    const written = await applyVersionedUpdate(
      plan,
      { baseVersion: 3, changes: { title: "Roadmap" } },
      store,
    );

    expect(store.attempts).toEqual([3, 4]);
    expect(written.version).toBe(5);
  });

  it("answers 409 when the concurrent writer changed the sent field", async () => {
    const store = storeOf(plan, [
      {
        ...plan,
        version: 4,
        title: "Agenda",
        field_versions: { title: 4, body: 3 },
      },
    ]);

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
      { ...plan, version: 4, field_versions: { title: 2, body: 4 } },
      { ...plan, version: 5, field_versions: { title: 2, body: 5 } },
    ]);

    const error = await refusalOf(
      applyVersionedUpdate(
        plan,
        { baseVersion: 3, changes: { title: "Roadmap" } },
        store,
      ),
    );

    expect(error.code).toBe("conflict");
    expect(store.attempts).toEqual([3, 4]);
  });

  it("refuses a base version the record never had", async () => {
    const error = await refusalOf(
      applyVersionedUpdate(
        plan,
        { baseVersion: 9, changes: { title: "Roadmap" } },
        storeOf(plan),
      ),
    );

    expect(error.code).toBe("validation_failed");
  });
});
