import type { AuthResponse } from "@ares/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registerOrganization,
  testApp,
  uniqueEmail,
  type TestHttp,
} from "../../test/harness.js";
import { quietLogger } from "../../test/logging.js";
import { invitationToken, invite } from "../../test/members.js";
import { startSmtpServer, type TestSmtpServer } from "../../test/smtp.js";
import { createMailer } from "../mail/mailer.js";

const bearer = (session: AuthResponse) => `Bearer ${session.accessToken}`;

describe("invitations sent through SMTP", () => {
  let smtp: TestSmtpServer;
  let http: TestHttp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: "Ares <invites@ares.test>",
      logLinks: false,
      logger: quietLogger(),
    });
    ({ http } = await testApp({ mailer }));
  });

  afterAll(async () => {
    await smtp.close();
  });

  it("emails a working link from which the invitee joins with the invited role", async () => {
    const owner = await registerOrganization(http, {
      organizationName: "Umbrella & Sons",
      name: "Alice Inviter",
    });
    const email = uniqueEmail("smtp-invitee");
    await invite(http, owner, "admin", email);

    const mail = await smtp.waitForMessage(email);
    expect(mail.from).toContain("invites@ares.test");
    expect(mail.subject).toBe(
      "Alice Inviter invited you to Umbrella & Sons on Ares",
    );
    expect(mail.text).toContain(
      "Alice Inviter invited you to join Umbrella & Sons on Ares as an admin.",
    );
    expect(mail.html).toContain("Umbrella &amp; Sons");
    const token = invitationToken(mail.text);
    expect(invitationToken(mail.html)).toBe(token);
    expect(mail.text).toContain(
      `http://localhost:3000/accept-invite?token=${token}`,
    );

    const preview = await http.get("/api/invites/preview").query({ token });
    expect(preview.body).toMatchObject({
      organization: { name: "Umbrella & Sons" },
      email,
      role: "admin",
      accountExists: false,
    });
    const accepted = await http
      .post("/api/invites/accept")
      .send({ token, name: "Bob Invitee", password: "a long and quiet river" });
    expect(accepted.status).toBe(201);
    const me = await http
      .get("/api/me")
      .set("Authorization", bearer(accepted.body));
    expect(me.body).toMatchObject({
      user: { email, name: "Bob Invitee" },
      organization: { id: owner.organization.id, name: "Umbrella & Sons" },
      role: "admin",
    });
  });

  it("emails a new link on resend, and only the new one works", async () => {
    const owner = await registerOrganization(http);
    const { email, invitation } = await invite(http, owner, "viewer");
    const first = invitationToken((await smtp.waitForMessage(email)).text);

    await http
      .post(`/api/invites/${invitation.id}/resend`)
      .set("Authorization", bearer(owner))
      .expect(200);

    const second = invitationToken((await smtp.waitForMessage(email)).text);
    expect(second).not.toBe(first);
    const old = await http.get("/api/invites/preview").query({ token: first });
    const current = await http
      .get("/api/invites/preview")
      .query({ token: second });
    expect([old.status, current.status]).toEqual([404, 200]);
  });

  it("keeps nothing in the outbox, which answers 404", async () => {
    const owner = await registerOrganization(http);
    await invite(http, owner, "member");

    const response = await http
      .get("/api/dev/outbox")
      .set("Authorization", bearer(owner));

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});
