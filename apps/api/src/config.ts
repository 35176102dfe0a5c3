import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const logLevels = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];

const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  AUTH_SECRET: z
    .string()
    .min(32, "AUTH_SECRET must be at least 32 characters")
    .optional(),
  BODY_LIMIT: z.string().default("100kb"),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  WEB_DIST_DIR: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Ares <no-reply@ares.localhost>"),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  REALTIME_ORIGINS: z.string().default(""),
});

/** Settings read once from the environment at start-up. */
export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  appUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: string;
  authSecret: string | undefined;
  bodyLimit: string;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  webDistDir: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionDays: number;
  invitationDays: number;
  /** Extra browser origins allowed to open sockets, besides APP_URL's. */
  realtimeOrigins: string[];
}

/**
 * Reads `.env` from the working directory into the environment, if there
 * is one; variables already set win.
 */
export function loadDotEnv(file = ".env"): void {
  if (fs.existsSync(file)) {
    process.loadEnvFile(file);
  }
}

/** Parses the environment, failing with every bad setting listed at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const settings = result.data;
  return {
    env: settings.NODE_ENV,
    host: settings.HOST,
    port: settings.PORT,
    appUrl: settings.APP_URL ?? `http://localhost:${settings.PORT}`,
    dataDir: path.resolve(settings.DATA_DIR),
    databaseUrl: settings.DATABASE_URL,
    redisUrl: settings.REDIS_URL,
    logLevel: settings.LOG_LEVEL,
    authSecret: settings.AUTH_SECRET,
    bodyLimit: settings.BODY_LIMIT,
    trustProxy: settings.TRUST_PROXY,
    rateLimitPerMinute: settings.RATE_LIMIT_PER_MINUTE,
    webDistDir: settings.WEB_DIST_DIR,
    smtpUrl: settings.SMTP_URL,
    mailFrom: settings.MAIL_FROM,
    sessionDays: settings.SESSION_DAYS,
    invitationDays: settings.INVITATION_DAYS,
    realtimeOrigins: settings.REALTIME_ORIGINS.split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}

/** The settings worth logging at start-up: everything but secrets. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    env: config.env,
    host: config.host,
    port: config.port,
    appUrl: config.appUrl,
    database: config.databaseUrl ? "postgres" : `pglite:${config.dataDir}`,
    redis: config.redisUrl ? "configured" : "in-process",
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    mail: config.smtpUrl ? "smtp" : "outbox",
  };
}
