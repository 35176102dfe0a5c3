import type { AuthResponse, RegisterRequest } from "@ares/contracts";
import { Redis } from "ioredis";
import supertest from "supertest";
import { expect } from "vitest";
import { createApp } from "../src/app.js";
import { createTokenService } from "../src/auth/tokens.js";
import { loadConfig, type Config } from "../src/config.js";
import type { Database } from "../src/db/database.js";
import type { Logger } from "../src/logger.js";
import type { Services } from "../src/services.js";
import type { RealtimeEvent } from "../src/realtime/events.js";
import { createPublisher, type EventSink } from "../src/realtime/publisher.js";
import { createMailer, type Mailer } from "../src/mail/mailer.js";
import { createLoginThrottle, loginLimits } from "../src/auth/throttle.js";
import { sharedTestDatabase } from "./database.js";
import { quietLogger } from "./logging.js";

/** The signing key of test tokens; tests that forge tokens use another. */
export const testAuthSecret = "test-secret-that-is-long-enough-for-hs256-keys";

/** Events a test app published, in order, once their transactions committed. */
export type PublishedEvents = RealtimeEvent[];

export interface TestAppOptions {
  db?: Database;
  logger?: Logger;
  redis?: Redis;
  config?: Partial<Config>;
  mailer?: Mailer;
  loginLimits?: Partial<typeof loginLimits>;
  /** Where committed events go; by default they are only recorded. */
  sink?: EventSink;
}

/** A sink that keeps what it is given, for tests to inspect. */
export function recordingSink(): EventSink & { events: PublishedEvents } {
  const events: PublishedEvents = [];
  return {
    events,
    emit: (event) => {
      events.push(event);
    },
    disconnectUser: () => undefined,
    disconnectSession: () => undefined,
    disconnectOrganization: () => undefined,
  };
}

/** Builds the real application on the worker's database. */
export async function buildTestServices(
  options: TestAppOptions = {},
): Promise<Services> {
  const config: Config = {
    ...loadConfig({ NODE_ENV: "test", RATE_LIMIT_PER_MINUTE: "100000" }),
    ...options.config,
  };
  const logger = options.logger ?? quietLogger();
  return {
    config,
    logger,
    db: options.db ?? (await sharedTestDatabase()),
    redis: options.redis,
    tokens: createTokenService(testAuthSecret),
    events: createPublisher(options.sink ?? recordingSink()),
    mailer:
      options.mailer ??
      createMailer({
        smtpUrl: undefined,
        from: "Ares <test@ares.test>",
        logLinks: false,
        logger,
      }),
    loginThrottle: createLoginThrottle({
      ...loginLimits,
      ...options.loginLimits,
      redis: options.redis,
    }),
  };
}

/** A real HTTP client against the application, plus its services. */
export async function testApp(options: TestAppOptions = {}) {
  const services = await buildTestServices(options);
  const http = supertest(createApp(services));
  return { services, http };
}

export type TestHttp = Awaited<ReturnType<typeof testApp>>["http"];

let counter = 0;

/** An email no other test uses, so tests never collide on one database. */
export function uniqueEmail(label = "user"): string {
  counter += 1;
  const nonce = Math.random().toString(36).slice(2, 8);
  return `${label}-${process.pid}-${counter}-${nonce}@example.test`;
}

/** Signs up a fresh organization through the API and returns the answer. */
export async function registerOrganization(
  http: TestHttp,
  overrides: Partial<RegisterRequest> = {},
): Promise<AuthResponse & { password: string }> {
  const body = {
    organizationName: "Acme Corp",
    name: "Ada Owner",
    email: uniqueEmail("owner"),
    password: "a sturdy passphrase",
    ...overrides,
  };
  const response = await http.post("/api/auth/register").send(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...(response.body as AuthResponse), password: body.password };
}

/** Connects to the test Redis server, when the run has one. */
export function testRedis(): Redis | undefined {
  const url = process.env.REDIS_URL;
  return url ? new Redis(url, { maxRetriesPerRequest: 2 }) : undefined;
}
