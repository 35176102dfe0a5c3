import http from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createApp } from "./app.js";
import { handlersSettled } from "./http/route.js";
import { resolveAuthSecret } from "./auth/secret.js";
import { createTokenService } from "./auth/tokens.js";
import { describeConfig, type Config } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { databaseTarget } from "./db/target.js";
import type { Logger } from "./logger.js";
import type { Services } from "./services.js";
import { createPublisher } from "./realtime/publisher.js";
import { createRealtime, type Realtime } from "./realtime/server.js";
import { createMailer } from "./mail/mailer.js";
import { createLoginThrottle, loginLimits } from "./auth/throttle.js";

/** A running API server and the way to stop it cleanly. */
export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

function connectRedis(url: string | undefined): Redis | undefined {
  return url ? new Redis(url, { maxRetriesPerRequest: 2 }) : undefined;
}

/** The long-lived services and the socket server that feeds on them. */
export interface Runtime {
  services: Services;
  realtime: Realtime;
}

/** Opens the database, migrates it, and builds every long-lived service. */
export async function createServices(
  config: Config,
  logger: Logger,
): Promise<Runtime> {
  const tokens = createTokenService(resolveAuthSecret(config, logger));
  const db = await openDatabase(databaseTarget(config), (error) => {
    logger.warn({ err: error }, "database connection lost; reconnecting");
  });
  await migrateToLatest(db, logger);
  const redis = connectRedis(config.redisUrl);
  const realtime = createRealtime({ config, logger, db, tokens, redis });
  const services: Services = {
    config,
    logger,
    db,
    redis,
    tokens,
    events: createPublisher(realtime.sink),
    mailer: createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      logLinks: config.env !== "production",
      logger,
    }),
    loginThrottle: createLoginThrottle({ ...loginLimits, redis }),
  };
  return { services, realtime };
}

function listen(server: http.Server, config: Config): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts the API. Closing stops taking connections, lets requests in
 * flight finish (for up to ten seconds), then releases the database.
 */
export async function startServer(
  config: Config,
  logger: Logger,
): Promise<RunningServer> {
  logger.info({ config: describeConfig(config) }, "starting");
  const { services, realtime } = await createServices(config, logger);
  const server = http.createServer(createApp(services));
  realtime.io.attach(server);
  const address = await listen(server, config);
  const url = `http://${address.address}:${address.port}`;
  logger.info({ url, appUrl: config.appUrl }, "listening");

  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    server.closeIdleConnections();
    const force = setTimeout(() => {
      server.closeAllConnections();
    }, 10_000);
    await realtime.close();
    await closed;
    clearTimeout(force);
    await handlersSettled(10_000);
    services.redis?.disconnect();
    await services.db.close();
  }

  return { url, services, close };
}
