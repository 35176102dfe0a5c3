import type { Redis } from "ioredis";
import type { TokenService } from "./auth/tokens.js";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { Logger } from "./logger.js";
import type { Mailer } from "./mail/mailer.js";
import type { LoginThrottle } from "./auth/throttle.js";
import type { EventPublisher } from "./realtime/publisher.js";

/** The long-lived parts a request handler may use, built once at start-up. */
export interface Services {
  config: Config;
  logger: Logger;
  db: Database;
  redis: Redis | undefined;
  tokens: TokenService;
  mailer: Mailer;
  loginThrottle: LoginThrottle;
  /** Announces committed changes to live sockets. */
  events: EventPublisher;
}
