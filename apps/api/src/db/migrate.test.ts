import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.js";
import { quietLogger } from "../../test/logging.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";

describe("migrations", () => {
  it("apply once and are a no-op the second time", async () => {
    const db = await openTestDatabase();
    try {
      const again = await migrateToLatest(db, quietLogger());
      expect(again).toEqual([]);
      const { rows } = await sql<{ name: string }>`
        select name from kysely_migration order by name`.execute(db.kysely);
      expect(rows.map((row) => row.name)).toEqual(
        Object.keys(migrations).sort(),
      );
    } finally {
      await db.close();
    }
  });
});
