import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { AppError } from "../http/errors.js";

/** Failed sign-ins allowed per account and per address in the window. */
export interface LoginThrottleOptions {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
  redis: Redis | undefined;
}

/**
 * Slows down password guessing: too many failures for one email, or from
 * one address, block further attempts until the window passes.
 */
export interface LoginThrottle {
  /** Throws 429 when either the account or the address is blocked. */
  check(email: string, ip: string): Promise<void>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

function limiter(
  redis: Redis | undefined,
  keyPrefix: string,
  points: number,
  duration: number,
): RateLimiterAbstract {
  const options = { keyPrefix, points, duration };
  return redis
    ? new RateLimiterRedis({ ...options, storeClient: redis })
    : new RateLimiterMemory(options);
}

/** Ten failures per account, fifty per address, in fifteen minutes. */
export const loginLimits = {
  perAccount: 10,
  perAddress: 50,
  windowSeconds: 15 * 60,
};

export function createLoginThrottle(
  options: LoginThrottleOptions,
): LoginThrottle {
  const window = options.windowSeconds;
  const byAccount = limiter(
    options.redis,
    "ares:login:account",
    options.perAccount,
    window,
  );
  const byAddress = limiter(
    options.redis,
    "ares:login:ip",
    options.perAddress,
    window,
  );

  async function blockedFor(
    limit: RateLimiterAbstract,
    key: string,
    points: number,
  ) {
    const state = await limit.get(key);
    return state && state.consumedPoints >= points ? state.msBeforeNext : 0;
  }

  return {
    async check(email, ip) {
      const wait = Math.max(
        await blockedFor(byAccount, email, options.perAccount),
        await blockedFor(byAddress, ip, options.perAddress),
      );
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60_000);
        throw new AppError(
          "rate_limited",
          `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
        );
      }
    },
    async recordFailure(email, ip) {
      // Consuming past the allowance rejects; the block is what we want.
      await Promise.allSettled([
        byAccount.consume(email),
        byAddress.consume(ip),
      ]);
    },
    async recordSuccess(email) {
      await byAccount.delete(email);
    },
  };
}
