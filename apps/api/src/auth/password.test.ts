import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestDatabase } from "../../test/database.js";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";
import type { Database } from "../db/database.js";

describe("password reset", () => {
  let http: TestHttp;
  let db: Database;

  beforeAll(async () => {
    ({ http } = await testApp());
    db = await sharedTestDatabase();
  });

  /** The reset token mailed to `email`, read from the outbox. */
  async function mailedToken(email: string): Promise<string> {
    const message = await db.kysely
      .selectFrom("email_outbox")
      .select(["text_body", "html_body", "organization_id"])
      .where("recipient", "=", email)
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(message.organization_id).toBeNull();
    expect(message.html_body).toContain("reset-password?token=");
    const match = /reset-password\?token=([\w-]+)/.exec(message.text_body);
    return match![1]!;
  }

  it("mails a single-use link that sets a new password and ends every session", async () => {
    const org = await registerOrganization(http);
    const forgot = await http
      .post("/api/auth/password/forgot")
      .send({ email: org.user.email });
    expect(forgot.status).toBe(202);
    const token = await mailedToken(org.user.email);

    const reset = await http
      .post("/api/auth/password/reset")
      .send({ token, password: "a brand new passphrase" });
    expect(reset.status).toBe(204);

    const oldSession = await http
      .get("/api/me")
      .set("Authorization", `Bearer ${org.accessToken}`);
    expect(oldSession.status).toBe(401);
    const oldPassword = await http
      .post("/api/auth/login")
      .send({ email: org.user.email, password: org.password });
    expect(oldPassword.status).toBe(401);
    const newPassword = await http
      .post("/api/auth/login")
      .send({ email: org.user.email, password: "a brand new passphrase" });
    expect(newPassword.status).toBe(200);

    const again = await http
      .post("/api/auth/password/reset")
      .send({ token, password: "yet another passphrase" });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(
      /invalid, expired or already used/,
    );
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    const response = await http
      .post("/api/auth/password/forgot")
      .send({ email });
    expect(response.status).toBe(202);
    const messages = await db.kysely
      .selectFrom("email_outbox")
      .select("id")
      .where("recipient", "=", email)
      .execute();
    expect(messages).toEqual([]);
  });

  it("refuses an expired link", async () => {
    const org = await registerOrganization(http);
    await http
      .post("/api/auth/password/forgot")
      .send({ email: org.user.email });
    const token = await mailedToken(org.user.email);
    await db.kysely
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", org.user.id)
      .execute();

    const response = await http
      .post("/api/auth/password/reset")
      .send({ token, password: "a brand new passphrase" });
    expect(response.status).toBe(400);
  });

  it("refuses a tampered token and a common password", async () => {
    const org = await registerOrganization(http);
    await http
      .post("/api/auth/password/forgot")
      .send({ email: org.user.email });
    const token = await mailedToken(org.user.email);

    const tampered = await http
      .post("/api/auth/password/reset")
      .send({ token: `${token}x`, password: "a brand new passphrase" });
    expect(tampered.status).toBe(400);
    const common = await http
      .post("/api/auth/password/reset")
      .send({ token, password: "1234567890" });
    expect(common.status).toBe(400);
    expect(common.body.error.details).toEqual([
      expect.objectContaining({ path: "password" }),
    ]);
  });
});

describe("password rules", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  it.each(["password123", "qwertyuiop", "1q2w3e4r5t"])(
    "refuses the common password %s at sign-up",
    async (password) => {
      const response = await http.post("/api/auth/register").send({
        organizationName: "Weak Co",
        name: "Weak",
        email: uniqueEmail("weak"),
        password,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].path).toBe("password");
    },
  );

  it("refuses a password that is just the email's name", async () => {
    const email = uniqueEmail("johnnyappleseed");
    const response = await http.post("/api/auth/register").send({
      organizationName: "Apple Co",
      name: "Johnny",
      email,
      password: email.split("@")[0],
    });
    expect(response.status).toBe(400);
  });
});

describe("sign-in throttling", () => {
  it("blocks an account after repeated failures, even with the right password", async () => {
    const { http } = await testApp({ loginLimits: { perAccount: 3 } });
    const org = await registerOrganization(http);
    const attempt = (password: string) =>
      http.post("/api/auth/login").send({ email: org.user.email, password });

    for (let i = 0; i < 3; i += 1) {
      expect((await attempt("not the password")).status).toBe(401);
    }
    const blocked = await attempt(org.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/Too many failed sign-ins/);
  });

  it("blocks an address that fails across many accounts", async () => {
    const { http } = await testApp({
      loginLimits: { perAddress: 2 },
      config: { trustProxy: true },
    });
    const attempt = () =>
      http
        .post("/api/auth/login")
        .set("X-Forwarded-For", "10.9.8.7")
        .send({ email: uniqueEmail("spray"), password: "guess guess guess" });

    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });
});

describe("profile", () => {
  let http: TestHttp;

  beforeAll(async () => {
    ({ http } = await testApp());
  });

  it("changes the display name", async () => {
    const org = await registerOrganization(http);
    const response = await http
      .patch("/api/me")
      .set("Authorization", `Bearer ${org.accessToken}`)
      .send({ name: "  New Name  " });
    expect(response.status).toBe(200);
    expect(response.body.user.name).toBe("New Name");
  });

  it("changes the password with the current one and signs out other sessions", async () => {
    const org = await registerOrganization(http);
    const other = await http
      .post("/api/auth/login")
      .send({ email: org.user.email, password: org.password });

    const wrong = await http
      .post("/api/me/password")
      .set("Authorization", `Bearer ${org.accessToken}`)
      .send({
        currentPassword: "not it at all",
        newPassword: "fresh passphrase 1",
      });
    expect(wrong.status).toBe(403);
    const common = await http
      .post("/api/me/password")
      .set("Authorization", `Bearer ${org.accessToken}`)
      .send({ currentPassword: org.password, newPassword: "password123" });
    expect(common.status).toBe(400);
    expect(common.body.error.details[0].path).toBe("newPassword");
    const changed = await http
      .post("/api/me/password")
      .set("Authorization", `Bearer ${org.accessToken}`)
      .send({
        currentPassword: org.password,
        newPassword: "fresh passphrase 1",
      });
    expect(changed.status).toBe(204);

    const current = await http
      .get("/api/me")
      .set("Authorization", `Bearer ${org.accessToken}`);
    const elsewhere = await http
      .get("/api/me")
      .set("Authorization", `Bearer ${other.body.accessToken}`);
    expect([current.status, elsewhere.status]).toEqual([200, 401]);
  });
});
