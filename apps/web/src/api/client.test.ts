import { authResponseSchema, sessionSchema } from "@ares/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { readAccessToken, saveAccessToken } from "../auth/token-store";
import { ApiError } from "./api-error";
import { apiRequest } from "./client";

const session = {
  user: {
    id: "6f1c2c86-2d6e-4a1f-9d3e-0a4b1c2d3e4f",
    email: "ada@example.com",
    name: "Ada",
  },
  organization: {
    id: "0b7e2f5a-8c1d-4e3f-a2b4-c5d6e7f8a9b0",
    name: "Acme",
    createdAt: "2025-01-02T03:04:05.000Z",
  },
  role: "owner",
};

/** Answers every fetch with `status` and `body`, recording the requests. */
function answerWith(status: number, body: unknown) {
  const fetchMock = vi.fn<typeof fetch>(() =>
    Promise.resolve(
      new Response(typeof body === "string" ? body : JSON.stringify(body), {
        status,
      }),
    ),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => items.set(key, value),
    removeItem: (key) => items.delete(key),
  };
}

async function failureOf(request: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await request.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) {
    throw new Error("Expected the request to fail with an ApiError");
  }
  return error;
}

describe("apiRequest", () => {
  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("sends JSON with the bearer token and returns the checked body", async () => {
    saveAccessToken("token-1", 60);
    const fetchMock = answerWith(200, session);

    const result = await apiRequest("/example", sessionSchema, {
      method: "POST",
      body: { hello: "world" },
    });

    expect(result.organization.name).toBe("Acme");
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    const headers = new Headers(init?.headers);
    expect(url).toBe("/api/example");
    expect(headers.get("Authorization")).toBe("Bearer token-1");
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(init?.body).toBe('{"hello":"world"}');
  });

  it("turns an error envelope into an ApiError with field errors", async () => {
    answerWith(400, {
      error: {
        code: "validation_failed",
        message: "Check the highlighted fields",
        details: [
          { path: "email", message: "Enter a valid email address" },
          { path: "email", message: "A second, later problem" },
        ],
      },
    });

    const error = await failureOf(apiRequest("/auth/login", sessionSchema));

    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("Check the highlighted fields");
    expect(error.fieldErrors).toEqual({ email: "Enter a valid email address" });
  });

  it("reports a failure without an envelope by its status", async () => {
    answerWith(503, "<h1>Bad gateway</h1>");

    const error = await failureOf(apiRequest("/me", sessionSchema));

    expect(error.code).toBe("service_unavailable");
    expect(error.fieldErrors).toEqual({});
  });

  it("reports a body that breaks the contract as an internal error", async () => {
    answerWith(200, { accessToken: "only this" });

    const error = await failureOf(apiRequest("/me", authResponseSchema));

    expect(error.code).toBe("internal");
  });

  it("drops the stored token when the API rejects it", async () => {
    saveAccessToken("expired-on-server", 60);
    answerWith(401, {
      error: { code: "unauthenticated", message: "Sign in again" },
    });

    const error = await failureOf(apiRequest("/me", sessionSchema));

    expect(error.code).toBe("unauthenticated");
    expect(readAccessToken()).toBeNull();
  });

  it("reports an unreachable server as service_unavailable", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("offline")));

    const error = await failureOf(apiRequest("/me", sessionSchema));

    expect(error.status).toBe(0);
    expect(error.code).toBe("service_unavailable");
  });
});
