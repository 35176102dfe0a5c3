import { defineConfig } from "vitest/config";

// Every suite runs on embedded PGlite. With DATABASE_URL set, the same
// suites run a second time against that PostgreSQL server.
const backends = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export default defineConfig({
  test: {
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        // Only the API's suites touch the database, so only they run twice.
        include:
          backend === "pglite"
            ? ["apps/*/src/**/*.test.ts", "packages/*/src/**/*.test.ts"]
            : ["apps/api/src/**/*.test.ts"],
        env: { ARES_TEST_DB: backend },
        globalSetup: ["apps/api/test/global-setup.ts"],
        pool: "forks",
        // One database per worker, shared by its files; tests isolate
        // themselves by creating their own organizations.
        isolate: false,
        testTimeout: 20_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
