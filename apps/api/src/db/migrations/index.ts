import { sql, type Kysely, type Migration } from "kysely";
import { tenancyCore } from "./0001_tenancy_core.js";
import { identity } from "./0002_identity.js";
import { work } from "./0003_work.js";
import { fieldVersions } from "./0004_field_versions.js";
import { organizationSuspension } from "./0005_organization_suspension.js";

/** Runs each statement on its own: PGlite takes one per prepared query. */
function statements(list: readonly string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of list) {
        await sql.raw(statement).execute(db);
      }
    },
  };
}

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  "0001_tenancy_core": statements(tenancyCore),
  "0002_identity": statements(identity),
  "0003_work": statements(work),
  "0004_field_versions": statements(fieldVersions),
  "0005_organization_suspension": statements(organizationSuspension),
};
