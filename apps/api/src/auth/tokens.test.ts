import crypto from "node:crypto";
import { decodeJwt, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  registerOrganization,
  testApp,
  testAuthSecret,
  type TestHttp,
} from "../../test/harness.js";

type Claims = Record<string, unknown>;

function sign(
  claims: Claims,
  options: { secret?: string; header?: object } = {},
) {
  const key = new TextEncoder().encode(options.secret ?? testAuthSecret);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt", ...options.header })
    .sign(key);
}

describe("access tokens", () => {
  let http: TestHttp;
  let claims: Claims;

  beforeAll(async () => {
    ({ http } = await testApp());
    const org = await registerOrganization(http);
    const now = Math.floor(Date.now() / 1000);
    claims = {
      sub: org.user.id,
      tid: org.organization.id,
      role: "owner",
      sid: decodeJwt(org.accessToken).sid,
      iss: "ares",
      aud: "ares-api",
      iat: now,
      exp: now + 600,
    };
  });

  const me = (token: string) =>
    http.get("/api/me").set("Authorization", `Bearer ${token}`);

  it("accepts a well-formed token signed with the key", async () => {
    expect((await me(await sign(claims))).status).toBe(200);
  });

  it("refuses a request without a token", async () => {
    const response = await http.get("/api/me");
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
  });

  it.each([
    [
      "signed with another key",
      () =>
        sign(claims, { secret: "another-secret-long-enough-for-hs256-keys!" }),
    ],
    [
      "using the none algorithm",
      () => Promise.resolve(new UnsecuredJWT(claims).encode()),
    ],
    [
      "with another algorithm",
      () => sign(claims, { header: { alg: "HS512" } }),
    ],
    ["of another type", () => sign(claims, { header: { typ: "JWT" } })],
    [
      "expired",
      () => sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 5 }),
    ],
    ["for another audience", () => sign({ ...claims, aud: "someone-else" })],
    ["from another issuer", () => sign({ ...claims, iss: "mallory" })],
    ["with a role that does not exist", () => sign({ ...claims, role: "god" })],
  ])("refuses a token %s", async (_label, makeToken) => {
    const response = await me(await makeToken());
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
  });

  it("refuses a token whose tenant id was tampered with", async () => {
    const token = await sign(claims);
    const [header, payload, signature] = token.split(".") as [
      string,
      string,
      string,
    ];
    const decoded = JSON.parse(
      Buffer.from(payload, "base64url").toString(),
    ) as Claims;
    decoded.tid = crypto.randomUUID();
    const forged = Buffer.from(JSON.stringify(decoded)).toString("base64url");
    const response = await me(`${header}.${forged}.${signature}`);
    expect(response.status).toBe(401);
  });

  it("refuses a valid token for an organization the user is not in", async () => {
    const stranger = await registerOrganization(http);
    const response = await me(
      await sign({ ...claims, tid: stranger.organization.id }),
    );
    expect(response.status).toBe(401);
  });
});
