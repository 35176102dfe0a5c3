import type { Request, RequestHandler, Response, Router } from "express";
import type { ZodType } from "zod";
import { errorEnvelopeSchema } from "@ares/contracts";
import { AppError, validationError } from "./errors.js";

type Method = "get" | "post" | "put" | "patch" | "delete";

/** A documented response: its status, description and body schema. */
export interface ResponseSpec {
  description: string;
  schema?: ZodType;
}

/** What a handler receives: the request and its validated parts. */
export interface RouteInput<Body, Query, Params> {
  req: Request;
  res: Response;
  body: Body;
  query: Query;
  params: Params;
}

/** What a handler returns; the route sends it. */
export interface Reply {
  status: number;
  body?: unknown;
}

/**
 * One API operation: the single source for its validation, its handler and
 * its entry in the OpenAPI document.
 */
export interface RouteSpec<Body = unknown, Query = unknown, Params = unknown> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no token; `tenant` routes need a verified one. */
  access: "public" | "tenant";
  body?: ZodType<Body>;
  query?: ZodType<Query>;
  params?: ZodType<Params>;
  responses: Record<number, ResponseSpec>;
  handler: (input: RouteInput<Body, Query, Params>) => Promise<Reply>;
}

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<
  Body = undefined,
  Query = undefined,
  Params = undefined,
>(spec: RouteSpec<Body, Query, Params>): RouteSpec<Body, Query, Params> {
  return spec;
}

// Routes are stored in one list, so their type parameters are erased here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

function parsePart(schema: ZodType | undefined, value: unknown): unknown {
  if (!schema) {
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw validationError(result.error);
  }
  return result.data;
}

const bodyMethods = new Set<Method>(["post", "put", "patch"]);

function hasBody(req: Request): boolean {
  return req.headers["content-length"] !== undefined
    ? req.headers["content-length"] !== "0"
    : req.headers["transfer-encoding"] !== undefined;
}

/** Refuses bodies that are not JSON before they are parsed. */
function requireJson(route: AnyRoute, req: Request): void {
  if (!bodyMethods.has(route.method) || !hasBody(req)) {
    return;
  }
  if (!req.is("application/json")) {
    throw new AppError(
      "unsupported_media_type",
      "Send the request body as application/json",
    );
  }
}

let running = 0;

/**
 * Resolves once no route handler is running, or after `timeoutMs`. A client
 * that hangs up does not stop its handler, so shutdown waits for handlers,
 * not connections, before closing the database.
 */
export async function handlersSettled(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function toHandler(route: AnyRoute): RequestHandler {
  return async function handleRoute(req, res) {
    running += 1;
    try {
      await runRoute(route, req, res);
    } finally {
      running -= 1;
    }
  };
}

async function runRoute(
  route: AnyRoute,
  req: Request,
  res: Response,
): Promise<void> {
  requireJson(route, req);
  const body = parsePart(route.body, req.body ?? {});
  const query = parsePart(route.query, req.query);
  const params = parsePart(route.params, req.params);
  const reply = await route.handler({ req, res, body, query, params });
  if (reply.body === undefined) {
    res.status(reply.status).end();
    return;
  }
  res.status(reply.status).json(reply.body);
}

/**
 * Mounts routes on a router. Tenant routes get `authenticate` first, so a
 * route cannot forget it.
 */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  authenticate: RequestHandler,
): void {
  for (const route of routes) {
    const steps: RequestHandler[] =
      route.access === "tenant" ? [authenticate] : [];
    router[route.method](route.path, ...steps, toHandler(route));
  }
}

/** The error responses every route may give, for the OpenAPI document. */
export const commonErrorResponses = (route: AnyRoute) => {
  const errors: Record<number, ResponseSpec> = {
    400: { description: "Invalid input", schema: errorEnvelopeSchema },
    429: { description: "Too many requests", schema: errorEnvelopeSchema },
  };
  if (route.access === "tenant") {
    errors[401] = {
      description: "Missing or invalid access token",
      schema: errorEnvelopeSchema,
    };
    errors[403] = {
      description: "The organization is suspended (organization_suspended)",
      schema: errorEnvelopeSchema,
    };
  }
  return errors;
};
