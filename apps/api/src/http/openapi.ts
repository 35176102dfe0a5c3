import { createDocument } from "zod-openapi";
import {
  commonErrorResponses,
  type AnyRoute,
  type ResponseSpec,
} from "./route.js";

function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, "{$1}");
}

function toResponses(responses: Record<number, ResponseSpec>) {
  return Object.fromEntries(
    Object.entries(responses).map(([status, spec]) => [
      status,
      {
        description: spec.description,
        ...(spec.schema && {
          content: { "application/json": { schema: spec.schema } },
        }),
      },
    ]),
  );
}

function toOperation(route: AnyRoute) {
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === "tenant" && { security: [{ bearerAuth: [] }] }),
    ...((route.params || route.query) && {
      requestParams: {
        ...(route.params && { path: route.params }),
        ...(route.query && { query: route.query }),
      },
    }),
    ...(route.body && {
      requestBody: {
        required: true,
        content: { "application/json": { schema: route.body } },
      },
    }),
    responses: toResponses({
      ...commonErrorResponses(route),
      ...route.responses,
    }),
  };
}

/** Builds the OpenAPI 3.1 document from the same schemas that validate. */
export function buildOpenApiDocument(
  routes: readonly AnyRoute[],
  serverUrl: string,
) {
  const paths: Record<
    string,
    Record<string, ReturnType<typeof toOperation>>
  > = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: toOperation(route) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Ares API",
      version: "0.1.0",
      description:
        "Every error answers with `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      },
    },
    paths,
  });
}
