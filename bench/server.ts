import { execFile, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { note } from "./output.js";

const root = path.resolve(import.meta.dirname, "..");
const entry = path.join(root, "apps/api/dist/main.js");
const sources = [
  path.join(root, "apps/api/src"),
  path.join(root, "packages/contracts/src"),
];

function newestSource(dir: string): number {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) {
      newest = Math.max(newest, newestSource(full));
    } else if (item.name.endsWith(".ts") && !item.name.endsWith(".test.ts")) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Bundles the API unless `dist` is at least as new as every source file. */
export async function buildApiIfStale(): Promise<void> {
  const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  const newest = Math.max(...sources.map(newestSource));
  if (built >= newest) {
    return;
  }
  note("apps/api/dist is missing or older than its sources; building it");
  await promisify(execFile)("npm", ["run", "build", "-w", "@ares/api"], {
    cwd: root,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") {
          resolve(address.port);
        } else {
          reject(new Error("Could not find a free port"));
        }
      });
    });
  });
}

/** The API running as a child process, as it runs in production. */
export interface ApiProcess {
  url: string;
  stop(): Promise<void>;
}

let child: ChildProcess | undefined;

// Whatever ends the benchmark, the server must not outlive it.
process.on("exit", () => {
  child?.kill("SIGKILL");
});

function hasExited(process: ChildProcess): boolean {
  return process.exitCode !== null || process.signalCode !== null;
}

async function waitUntilReady(url: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited(server)) {
      throw new Error("The API exited while starting; see its output above");
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The API was not ready within 60 s");
}

/**
 * Starts `apps/api/dist/main.js` on a free loopback port against
 * `databaseUrl`, with request logs off and the rate limit out of the way,
 * and waits until /readyz answers.
 */
export async function startApi(settings: {
  databaseUrl: string;
  redisUrl: string | undefined;
}): Promise<ApiProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: settings.databaseUrl,
    LOG_LEVEL: "warn",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    RATE_LIMIT_PER_MINUTE: "1000000000",
  };
  delete env.REDIS_URL;
  if (settings.redisUrl) {
    env.REDIS_URL = settings.redisUrl;
  }
  const started = spawn(process.execPath, [entry], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  child = started;
  const exited = new Promise<number | null>((resolve) => {
    started.once("exit", (code) => {
      if (child === started) {
        child = undefined;
      }
      resolve(code);
    });
  });
  const url = `http://127.0.0.1:${port}`;

  async function stop(): Promise<void> {
    if (hasExited(started)) {
      return;
    }
    started.kill("SIGTERM");
    const force = setTimeout(() => started.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(force);
  }

  try {
    await waitUntilReady(url, started);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
