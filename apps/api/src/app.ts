import { sql } from "kysely";
import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import swaggerUi from "swagger-ui-express";
import { createAuthenticate } from "./auth/authenticate.js";
import { passwordRoutes } from "./auth/password-routes.js";
import { authRoutes } from "./auth/routes.js";
import { activityRoutes } from "./comments/activity-routes.js";
import { commentRoutes } from "./comments/routes.js";
import { AppError, errorHandler, unknownRoute } from "./http/errors.js";
import { buildOpenApiDocument } from "./http/openapi.js";
import { createRateLimiter, rateLimitByIp } from "./http/rate-limit.js";
import { assignRequestId, requestContext } from "./http/request-context.js";
import { mountRoutes, type AnyRoute } from "./http/route.js";
import { findWebDist, webAppRouter } from "./http/web-app.js";
import { invitationRoutes } from "./invitations/routes.js";
import { memberRoutes } from "./members/routes.js";
import { outboxRoutes } from "./outbox/routes.js";
import { projectRoutes } from "./projects/routes.js";
import { securityEventRoutes } from "./security/routes.js";
import type { Services } from "./services.js";
import { userRoutes } from "./users/routes.js";
import { workspaceMemberRoutes } from "./workspaces/member-routes.js";
import { workspaceRoutes } from "./workspaces/routes.js";
import { taskRoutes } from "./tasks/routes.js";
import cookieParser from "cookie-parser";

/** Every API operation, in the order the OpenAPI document lists them. */
export function apiRoutes(services: Services): AnyRoute[] {
  return [
    ...authRoutes(services),
    ...passwordRoutes(services),
    ...userRoutes(services),
    ...memberRoutes(services),
    ...invitationRoutes(services),
    ...outboxRoutes(services),
    ...securityEventRoutes(services),
    ...workspaceRoutes(services),
    ...workspaceMemberRoutes(services),
    ...projectRoutes(services),
    ...taskRoutes(services),
    ...commentRoutes(services),
    ...activityRoutes(services),
  ];
}

function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        "connect-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        // Deployments terminate TLS in front of us; local use is plain HTTP.
        "upgrade-insecure-requests": null,
      },
    },
  });
}

function healthRoutes(services: Services): express.Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await sql`select 1`.execute(services.db.kysely);
      await services.redis?.ping();
    } catch (error) {
      services.logger.warn({ err: error }, "not ready");
      throw new AppError(
        "service_unavailable",
        "A backing service is unavailable",
      );
    }
    res.json({ status: "ready" });
  });
  return router;
}

/**
 * Builds the HTTP application: security headers, logging, body limits,
 * rate limits, the API with its reference, and the web app.
 */
export function createApp(services: Services): Express {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.use(
    pinoHttp({
      logger,
      genReqId: assignRequestId,
      customAttributeKeys: { reqId: "requestId" },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? "error" : "info",
    }),
  );
  app.use(securityHeaders());
  app.use(healthRoutes(services));

  const limiter = createRateLimiter({
    points: config.rateLimitPerMinute,
    windowSeconds: 60,
    redis: services.redis,
    keyPrefix: "ares:rl:api",
  });
  app.use("/api", rateLimitByIp(limiter));
  app.use("/api", express.json({ limit: config.bodyLimit, strict: true }));
  app.use("/api/auth", cookieParser());
  app.use("/api", requestContext);

  const routes = apiRoutes(services);
  const openApi = buildOpenApiDocument(routes, config.appUrl);
  app.get("/api/openapi.json", (_req, res) => {
    res.json(openApi);
  });
  app.use(
    "/api/docs",
    swaggerUi.serve,
    swaggerUi.setup(undefined, {
      customSiteTitle: "Ares API reference",
      swaggerOptions: { url: "/api/openapi.json" },
    }),
  );
  const router = express.Router();
  mountRoutes(router, routes, createAuthenticate(services.tokens, services.db));
  app.use(router);
  app.use("/api", unknownRoute);

  const webDist = findWebDist(config.webDistDir);
  if (webDist) {
    app.use(webAppRouter(webDist));
  }
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
