import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { AppError } from "./errors.js";

export interface RateLimitOptions {
  /** Requests allowed per client address in each window. */
  points: number;
  windowSeconds: number;
  /** Counters are shared through Redis when given, kept in-process otherwise. */
  redis: Redis | undefined;
  keyPrefix: string;
}

/** Builds a limiter, checking its options once, when it is created. */
export function createRateLimiter(
  options: RateLimitOptions,
): RateLimiterAbstract {
  if (!Number.isInteger(options.points) || options.points < 1) {
    throw new Error("A rate limit needs a whole number of points above zero");
  }
  const settings = {
    points: options.points,
    duration: options.windowSeconds,
    keyPrefix: options.keyPrefix,
  };
  return options.redis
    ? new RateLimiterRedis({ ...settings, storeClient: options.redis })
    : new RateLimiterMemory(settings);
}

/** Limits requests per client address; excess answers 429 with Retry-After. */
export function rateLimitByIp(limiter: RateLimiterAbstract): RequestHandler {
  return async function limitByIp(req, res, next) {
    try {
      await limiter.consume(req.ip ?? "unknown");
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        throw rejection;
      }
      res.setHeader("Retry-After", Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(
        "rate_limited",
        "Too many requests; try again shortly",
      );
    }
    next();
  };
}
