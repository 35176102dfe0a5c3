import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the test server accepted, parsed. */
export interface ReceivedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server in the test process, on a free local port. */
export interface TestSmtpServer {
  url: string;
  messages: ReceivedMail[];
  /** The next message to `to` not handed out before; waits up to 5 s. */
  waitForMessage(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

interface Waiter {
  to: string;
  resolve: (mail: ReceivedMail) => void;
}

/** Starts an SMTP server that keeps every message it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const handedOut = new Set<ReceivedMail>();
  let waiters: Waiter[] = [];

  function take(to: string): ReceivedMail | undefined {
    const mail = messages.find(
      (message) => !handedOut.has(message) && message.to.includes(to),
    );
    if (mail) {
      handedOut.add(mail);
    }
    return mail;
  }

  function receive(mail: ReceivedMail) {
    messages.push(mail);
    waiters = waiters.filter((waiter) => {
      const next = take(waiter.to);
      if (next) {
        waiter.resolve(next);
      }
      return !next;
    });
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          receive({
            to: session.envelope.rcptTo.map((rcpt) =>
              rcpt.address.toLowerCase(),
            ),
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          callback();
        })
        .catch((error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessage(to, timeoutMs = 5000) {
      const address = to.toLowerCase();
      const ready = take(address);
      if (ready) {
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          to: address,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((other) => other !== waiter);
          reject(new Error(`No mail to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
