import { describe, expect, it } from "vitest";
import { retryTransient } from "./scope.js";

const deadlock = Object.assign(new Error("deadlock detected"), {
  code: "40P01",
});

function failing(failures: Error[]) {
  let calls = 0;
  const run = () => {
    const failure = failures[calls];
    calls += 1;
    return failure ? Promise.reject(failure) : Promise.resolve(calls);
  };
  return { run, calls: () => calls };
}

describe("retryTransient", () => {
  it("runs a transaction PostgreSQL aborted for a deadlock again", async () => {
    const transaction = failing([deadlock, deadlock]);
    await expect(retryTransient(transaction.run)).resolves.toBe(3);
  });

  it("gives up after the last attempt with PostgreSQL's error", async () => {
    const transaction = failing([deadlock, deadlock, deadlock]);
    await expect(retryTransient(transaction.run)).rejects.toBe(deadlock);
    expect(transaction.calls()).toBe(3);
  });

  it("never repeats a transaction that failed for any other reason", async () => {
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    const transaction = failing([unique]);
    await expect(retryTransient(transaction.run)).rejects.toBe(unique);
    expect(transaction.calls()).toBe(1);
  });
});
