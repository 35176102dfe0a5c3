import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

const port = "3100";
const baseURL = `http://127.0.0.1:${port}`;

// Playwright loads this file again in every worker; the variable makes them
// all share the one data directory the server was started with.
process.env.ARES_E2E_DATA_DIR ??= fs.mkdtempSync(
  path.join(os.tmpdir(), "ares-e2e-"),
);
const dataDir = process.env.ARES_E2E_DATA_DIR;

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: process.env.CI !== undefined,
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        headless: true,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: {
    command: "node ../api/dist/main.js",
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    env: {
      PORT: port,
      HOST: "127.0.0.1",
      // Emailed links (invitations, resets) point at the address tests use.
      APP_URL: baseURL,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
  },
});
