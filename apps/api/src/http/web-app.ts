import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

/** Where the built web app is: configured, or beside this package. */
export function findWebDist(
  configured: string | undefined,
): string | undefined {
  const candidates = configured
    ? [path.resolve(configured)]
    : [
        path.resolve(moduleDir, "../../../web/dist"),
        path.resolve(moduleDir, "../../web/dist"),
      ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, "index.html")));
}

/**
 * Serves the built web app: hashed assets with long caching, and
 * index.html for every other page the client router owns.
 */
export function webAppRouter(distDir: string): Router {
  const router = express.Router();
  router.use(
    "/assets",
    express.static(path.join(distDir, "assets"), {
      immutable: true,
      maxAge: "1y",
    }),
  );
  router.use(express.static(distDir, { index: false }));
  router.get(/^(?!\/(api|assets)\/).*/, (req, res, next) => {
    if (!req.accepts("html")) {
      next();
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(path.join(distDir, "index.html"));
  });
  return router;
}
