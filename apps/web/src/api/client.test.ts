import { authResponseSchema, sessionSchema } from "@ares/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  authResponse,
  errorBody,
  fakeApi,
  jsonResponse,
  loadSessionModules,
  unexpected,
} from "../test/fake-browser";

const session = {
  user: authResponse("unused").user,
  organization: authResponse("unused").organization,
  role: "owner",
};

const expiredToken = errorBody("unauthenticated", "Your token has expired");

let app: Awaited<ReturnType<typeof loadSessionModules>>;

async function failureOf(request: Promise<unknown>) {
  const error: unknown = await request.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof app.ApiError)) {
    throw new Error("Expected the request to fail with an ApiError");
  }
  return error;
}

describe("apiRequest", () => {
  beforeEach(async () => {
    app = await loadSessionModules();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("sends JSON with the bearer token and returns the checked body", async () => {
    app.saveAccessToken("token-1", 60);
    const sent = fakeApi(() => jsonResponse(200, session));

    const result = await app.apiRequest("/example", sessionSchema, {
      method: "POST",
      body: { hello: "world" },
    });

    expect(result.organization.name).toBe("Acme");
    expect(sent).toEqual([
      {
        path: "/example",
        method: "POST",
        authorization: "Bearer token-1",
        body: { hello: "world" },
      },
    ]);
  });

  it("maps the envelope's details to per-field messages", async () => {
    fakeApi(() =>
      jsonResponse(400, {
        error: {
          code: "validation_failed",
          message: "Check the highlighted fields",
          details: [{ path: "email", message: "Enter a valid email address" }],
        },
      }),
    );

    const error = await failureOf(app.apiRequest("/me", sessionSchema));

    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("Check the highlighted fields");
    expect(error.fieldErrors).toEqual({ email: "Enter a valid email address" });
  });

  it("reports a failure without an envelope by its status", async () => {
    fakeApi(() => new Response("<h1>Bad gateway</h1>", { status: 503 }));

    const error = await failureOf(app.apiRequest("/me", sessionSchema));

    expect(error.code).toBe("service_unavailable");
    expect(error.fieldErrors).toEqual({});
  });

  it("reports a body that breaks the contract as an internal error", async () => {
    fakeApi(() => jsonResponse(200, { accessToken: "only this" }));

    const error = await failureOf(app.apiRequest("/me", authResponseSchema));

    expect(error.code).toBe("internal");
  });

  it("reports an unreachable server as service_unavailable", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("offline")));

    const error = await failureOf(app.apiRequest("/me", sessionSchema));

    expect(error.status).toBe(0);
    expect(error.code).toBe("service_unavailable");
  });

  it("accepts an empty answer from a command", async () => {
    app.saveAccessToken("token-1", 60);
    fakeApi(() => new Response(null, { status: 204 }));

    await expect(
      app.apiCommand("/auth/logout", { method: "POST" }),
    ).resolves.toBeUndefined();
  });
});

describe("apiRequest after the API rejects the token", () => {
  beforeEach(async () => {
    app = await loadSessionModules();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("refreshes once with the cookie and retries with the new token", async () => {
    app.saveAccessToken("stale", 60);
    const sent = fakeApi(({ path, authorization }) => {
      if (path === "/auth/refresh") {
        return jsonResponse(200, authResponse("fresh"));
      }
      return authorization === "Bearer fresh"
        ? jsonResponse(200, session)
        : jsonResponse(401, expiredToken);
    });

    const result = await app.apiRequest("/me", sessionSchema);

    expect(result.user.name).toBe("Ada");
    expect(sent.map((request) => request.path)).toEqual([
      "/me",
      "/auth/refresh",
      "/me",
    ]);
    expect(sent[1]).toMatchObject({ method: "POST", authorization: null });
    expect(sent[1]?.body).toEqual({});
    expect(app.readAccessToken()).toBe("fresh");
  });

  it("shares one refresh among requests rejected at the same time", async () => {
    app.saveAccessToken("stale", 60);
    const sent = fakeApi(({ path, authorization }) => {
      if (path === "/auth/refresh") {
        return jsonResponse(200, authResponse("fresh"));
      }
      return authorization === "Bearer fresh"
        ? jsonResponse(200, session)
        : jsonResponse(401, expiredToken);
    });

    await Promise.all([
      app.apiRequest("/me", sessionSchema),
      app.apiRequest("/me", sessionSchema),
      app.apiRequest("/me", sessionSchema),
    ]);

    const refreshes = sent.filter(({ path }) => path === "/auth/refresh");
    expect(refreshes).toHaveLength(1);
    expect(sent).toHaveLength(7);
  });

  it("retries only once, reporting a second rejection", async () => {
    app.saveAccessToken("stale", 60);
    const sent = fakeApi(({ path }) =>
      path === "/auth/refresh"
        ? jsonResponse(200, authResponse("fresh"))
        : jsonResponse(401, expiredToken),
    );

    const error = await failureOf(app.apiRequest("/me", sessionSchema));

    expect(error.code).toBe("unauthenticated");
    expect(sent.map((request) => request.path)).toEqual([
      "/me",
      "/auth/refresh",
      "/me",
    ]);
  });

  it("signs the tab out when the refresh cookie is no longer accepted", async () => {
    app.saveAccessToken("stale", 60);
    fakeApi(({ path }) =>
      path === "/auth/refresh"
        ? jsonResponse(
            401,
            errorBody("unauthenticated", "Your session has ended"),
          )
        : jsonResponse(401, expiredToken),
    );

    const error = await failureOf(app.apiRequest("/me", sessionSchema));

    expect(error.message).toBe("Your token has expired");
    expect(app.readAccessToken()).toBeNull();
    expect(app.readAuthStatus()).toBe("signedOut");
  });

  it("ends the session when its organization is suspended", async () => {
    app.saveAccessToken("token-1", 60);
    const ended: string[] = [];
    app.subscribeToSessionEvents((event) => {
      if (event.type === "ended") {
        ended.push(event.reason);
      }
    });
    fakeApi(() =>
      jsonResponse(
        403,
        errorBody("organization_suspended", "This organization is suspended"),
      ),
    );

    const error = await failureOf(app.apiRequest("/me", sessionSchema));

    expect(error.code).toBe("organization_suspended");
    expect(app.readAuthStatus()).toBe("signedOut");
    expect(ended).toEqual(["suspended"]);
  });

  it("keeps the session on any other refusal", async () => {
    app.saveAccessToken("token-1", 60);
    fakeApi(() =>
      jsonResponse(403, errorBody("forbidden", "Only admins can do that")),
    );

    await failureOf(app.apiRequest("/members", sessionSchema));

    expect(app.readAuthStatus()).toBe("signedIn");
  });

  it("keeps the session when the refresh could not reach the API", async () => {
    app.saveAccessToken("stale", 60);
    fakeApi(({ path }) => {
      if (path === "/auth/refresh") {
        throw new TypeError("offline");
      }
      return jsonResponse(401, expiredToken);
    });

    await failureOf(app.apiRequest("/me", sessionSchema));

    expect(app.readAuthStatus()).toBe("signedIn");
  });

  it("sends no token and never refreshes for anonymous calls", async () => {
    app.saveAccessToken("token-1", 60);
    const sent = fakeApi(({ path }) =>
      path === "/auth/login"
        ? jsonResponse(401, errorBody("unauthenticated", "Wrong password"))
        : unexpected({ path, method: "", authorization: null, body: null }),
    );

    const error = await failureOf(
      app.apiRequest("/auth/login", sessionSchema, {
        method: "POST",
        anonymous: true,
      }),
    );

    expect(error.message).toBe("Wrong password");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.authorization).toBeNull();
    expect(app.readAccessToken()).toBe("token-1");
  });

  it("renews a token past its lifetime before sending it", async () => {
    vi.useFakeTimers();
    app.saveAccessToken("old", 60);
    vi.advanceTimersByTime(61_000);
    const sent = fakeApi(({ path }) =>
      path === "/auth/refresh"
        ? jsonResponse(200, authResponse("fresh"))
        : jsonResponse(200, session),
    );

    await app.apiRequest("/me", sessionSchema);

    expect(
      sent.map(({ path, authorization }) => [path, authorization]),
    ).toEqual([
      ["/auth/refresh", null],
      ["/me", "Bearer fresh"],
    ]);
  });
});
