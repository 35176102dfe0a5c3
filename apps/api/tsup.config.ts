import { defineConfig } from "tsup";

// The API ships as one ESM bundle; npm packages stay external and resolve
// from node_modules, while the source-only @ares/contracts is inlined.
export default defineConfig({
  entry: ["src/main.ts", "src/db/migrate-cli.ts"],
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: ["@ares/contracts"],
});
