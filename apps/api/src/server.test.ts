import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { startServer } from "./server.js";
import { quietLogger } from "../test/logging.js";
import { testBackend } from "../test/database.js";

describe.runIf(testBackend() === "pglite")("the server process", () => {
  it("starts on embedded defaults, serves, and shuts down cleanly", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ares-server-"));
    const config = loadConfig({
      PORT: "0",
      DATA_DIR: dataDir,
      NODE_ENV: "test",
    });
    const server = await startServer(config, quietLogger());

    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(true);

    await server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it("refuses to start in production without AUTH_SECRET", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ares-server-"));
    const config = loadConfig({
      PORT: "0",
      DATA_DIR: dataDir,
      NODE_ENV: "production",
    });
    await expect(startServer(config, quietLogger())).rejects.toThrow(
      /AUTH_SECRET/,
    );
  });
});
