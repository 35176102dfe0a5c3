import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  authResponse,
  errorBody,
  FakeChannel,
  fakeApi,
  fakeLocks,
  jsonResponse,
  loadSessionModules,
  unexpected,
} from "../test/fake-browser";

const sessionEnded = errorBody("unauthenticated", "Your session has ended");

let app: Awaited<ReturnType<typeof loadSessionModules>>;

/** The channel `initializeAuth` opened to talk to the other tabs. */
function otherTabs(): FakeChannel {
  const channel = FakeChannel.instances[0];
  if (channel === undefined) {
    throw new Error("initializeAuth opened no channel");
  }
  return channel;
}

/** Answers every refresh with a new token: fresh-1, fresh-2, … */
function rotatingRefresh() {
  let issued = 0;
  return fakeApi((request) => {
    if (request.path !== "/auth/refresh") {
      return unexpected(request);
    }
    issued += 1;
    return jsonResponse(200, authResponse(`fresh-${String(issued)}`));
  });
}

describe("restoring the session at start-up", () => {
  beforeEach(async () => {
    app = await loadSessionModules();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("signs in with the refresh cookie and announces the session", async () => {
    const sent = rotatingRefresh();
    const events: string[] = [];
    app.subscribeToSessionEvents((event) => events.push(event.type));

    const restoring = app.initializeAuth();
    expect(app.readAuthStatus()).toBe("restoring");
    await restoring;

    expect(app.readAuthStatus()).toBe("signedIn");
    expect(app.readAccessToken()).toBe("fresh-1");
    expect(sent).toEqual([
      { path: "/auth/refresh", method: "POST", authorization: null, body: {} },
    ]);
    expect(events).toEqual(["started"]);
  });

  it("ends signed out when the cookie is missing or ended", async () => {
    fakeApi(() => jsonResponse(401, sessionEnded));
    const events: string[] = [];
    app.subscribeToSessionEvents((event) => events.push(event.type));

    await app.initializeAuth();

    expect(app.readAuthStatus()).toBe("signedOut");
    expect(events).toEqual([]);
    expect(otherTabs().posted).toEqual([]);
  });

  it("ends signed out, not unreachable, when the organization is suspended", async () => {
    fakeApi(() =>
      jsonResponse(
        403,
        errorBody("organization_suspended", "This organization is suspended"),
      ),
    );

    await app.initializeAuth();

    expect(app.readAuthStatus()).toBe("signedOut");
  });

  it("ends unreachable when the API does not answer, and can retry", async () => {
    let online = false;
    fakeApi(() => {
      if (!online) {
        throw new TypeError("offline");
      }
      return jsonResponse(200, authResponse("fresh"));
    });

    await app.initializeAuth();
    expect(app.readAuthStatus()).toBe("unreachable");

    online = true;
    await app.restoreSession();
    expect(app.readAuthStatus()).toBe("signedIn");
  });

  it("takes the cross-tab lock, since a refresh token works only once", async () => {
    const locks = fakeLocks();
    rotatingRefresh();

    await app.initializeAuth();

    expect(locks).toEqual(["ares.auth.refresh"]);
  });
});

describe("keeping the session alive", () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    app = await loadSessionModules();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("renews well before the access token expires", () => {
    expect(app.renewalDelayMs(900)).toBe(720_000);
    expect(app.renewalDelayMs(120)).toBe(60_000);
    expect(app.renewalDelayMs(30)).toBe(0);
  });

  it("refreshes on its own before the token expires", async () => {
    const sent = rotatingRefresh();
    await app.initializeAuth();

    await vi.advanceTimersByTimeAsync(719_000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);

    expect(sent).toHaveLength(2);
    expect(app.readAccessToken()).toBe("fresh-2");
  });

  it("tries again later when a renewal cannot reach the API", async () => {
    let online = true;
    let issued = 0;
    fakeApi(() => {
      if (!online) {
        throw new TypeError("offline");
      }
      issued += 1;
      return jsonResponse(200, authResponse(`fresh-${String(issued)}`));
    });
    await app.initializeAuth();

    online = false;
    await vi.advanceTimersByTimeAsync(720_000);
    expect(app.readAccessToken()).toBe("fresh-1");

    online = true;
    await vi.advanceTimersByTimeAsync(app.renewalRetryMs);
    expect(app.readAccessToken()).toBe("fresh-2");
  });

  it("stops renewing once signed out", async () => {
    const sent = rotatingRefresh();
    await app.initializeAuth();

    app.endSession();
    await vi.advanceTimersByTimeAsync(3_600_000);

    expect(sent).toHaveLength(1);
  });
});

describe("keeping the tabs of a browser in step", () => {
  beforeEach(async () => {
    app = await loadSessionModules();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("tells the other tabs when this one signs out", async () => {
    rotatingRefresh();
    await app.initializeAuth();
    const events: string[] = [];
    app.subscribeToSessionEvents((event) => events.push(event.type));

    app.endSession();

    expect(app.readAuthStatus()).toBe("signedOut");
    expect(events).toEqual(["ended"]);
    expect(otherTabs().posted).toEqual([{ type: "signedOut" }]);
  });

  it("tells the other tabs when the organization is suspended", async () => {
    rotatingRefresh();
    await app.initializeAuth();
    const reasons: string[] = [];
    app.subscribeToSessionEvents((event) => {
      if (event.type === "ended") {
        reasons.push(event.reason);
      }
    });

    app.endSuspendedSession();

    expect(app.readAuthStatus()).toBe("signedOut");
    expect(reasons).toEqual(["suspended"]);
    expect(otherTabs().posted).toEqual([{ type: "signedOut" }]);
  });

  it("signs out when another tab signed out", async () => {
    rotatingRefresh();
    await app.initializeAuth();

    otherTabs().receive({ type: "signedOut" });

    expect(app.readAuthStatus()).toBe("signedOut");
    expect(otherTabs().posted).toEqual([]);
  });

  it("tells the other tabs about a new session, and they pick it up", async () => {
    const sent = rotatingRefresh();
    await app.initializeAuth();

    app.startSession(authResponse("signed-in-here"));
    expect(otherTabs().posted).toEqual([{ type: "changed" }]);

    otherTabs().receive({ type: "changed" });
    await vi.waitFor(() => {
      expect(app.readAccessToken()).toBe("fresh-2");
    });
    expect(sent).toHaveLength(2);
  });

  it("ignores messages it does not understand", async () => {
    const sent = rotatingRefresh();
    await app.initializeAuth();

    otherTabs().receive({ type: "hello" });
    otherTabs().receive("signedOut");

    expect(app.readAuthStatus()).toBe("signedIn");
    expect(sent).toHaveLength(1);
  });
});
