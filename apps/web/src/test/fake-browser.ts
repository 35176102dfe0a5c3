/**
 * Stand-ins for the browser parts the session code talks to: the API (a
 * scripted fetch), other tabs (BroadcastChannel) and Web Locks. Each test
 * loads fresh copies of the modules, since they keep the session in module
 * state.
 */
import type { AuthResponse } from "@ares/contracts";
import { vi } from "vitest";

/** A signed-in answer from the API, as the contracts describe it. */
export function authResponse(
  accessToken: string,
  expiresIn = 900,
): AuthResponse {
  return {
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
    accessToken,
    tokenType: "Bearer",
    expiresIn,
  };
}

/** The error envelope the API answers failures with. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** A JSON response with `status`. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status });
}

/** One request the fake API received. */
export interface SentRequest {
  path: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

type Handler = (request: SentRequest) => Response | Promise<Response>;

/**
 * Replaces fetch with `handler`, keyed by path without the `/api` prefix;
 * an unexpected call fails the test. Returns the requests as they arrive.
 */
export function fakeApi(handler: Handler): SentRequest[] {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const headers = new Headers(init?.headers);
    const request: SentRequest = {
      path: urlOf(input).replace(/^\/api/, ""),
      method: init?.method ?? "GET",
      authorization: headers.get("Authorization"),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    return handler(request);
  });
  vi.stubGlobal("fetch", fetchMock);
  return sent;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === "string") {
    return input;
  }
  return input instanceof URL ? input.href : input.url;
}

/** Answers a request the test did not expect, so it fails loudly. */
export function unexpected(request: SentRequest): never {
  throw new Error(`Unexpected ${request.method} ${request.path}`);
}

/** A BroadcastChannel that records what it posts and can receive messages. */
export class FakeChannel {
  static instances: FakeChannel[] = [];
  readonly posted: unknown[] = [];
  private readonly listeners: ((event: MessageEvent) => void)[] = [];

  constructor(readonly name: string) {
    FakeChannel.instances.push(this);
  }

  postMessage(message: unknown): void {
    this.posted.push(message);
  }

  addEventListener(_type: "message", listener: (event: MessageEvent) => void) {
    this.listeners.push(listener);
  }

  /** Delivers `data` as if another tab had posted it. */
  receive(data: unknown): void {
    for (const listener of this.listeners) {
      listener(new MessageEvent("message", { data }));
    }
  }
}

/** Web Locks that grant at once and remember which locks were asked for. */
export function fakeLocks() {
  const requested: string[] = [];
  const locks = {
    request: (name: string, task: () => Promise<unknown>) => {
      requested.push(name);
      return task();
    },
  };
  vi.stubGlobal("navigator", { locks });
  return requested;
}

/** Fresh copies of the session modules, with no session in them. */
export async function loadSessionModules() {
  vi.resetModules();
  FakeChannel.instances = [];
  vi.stubGlobal("BroadcastChannel", FakeChannel);
  const client = await import("../api/client");
  const apiError = await import("../api/api-error");
  const session = await import("../auth/auth-session");
  const store = await import("../auth/token-store");
  return { ...client, ...apiError, ...session, ...store };
}
