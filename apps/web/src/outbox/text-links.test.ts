import { describe, expect, it } from "vitest";

import { splitLinks } from "./text-links";

describe("splitLinks", () => {
  it("finds links between plain text and keeps the text around them", () => {
    const text =
      "Hello,\nJoin Acme: http://localhost:3000/accept-invite?token=abc\nBye";

    expect(splitLinks(text)).toEqual([
      { kind: "text", text: "Hello,\nJoin Acme: " },
      {
        kind: "link",
        href: "http://localhost:3000/accept-invite?token=abc",
      },
      { kind: "text", text: "\nBye" },
    ]);
  });

  it("leaves a sentence's full stop out of the link", () => {
    expect(splitLinks("See https://ares.example/reset.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", href: "https://ares.example/reset" },
      { kind: "text", text: "." },
    ]);
  });

  it("makes links only of web addresses", () => {
    expect(splitLinks("javascript:alert(1) and ftp://x")).toEqual([
      { kind: "text", text: "javascript:alert(1) and ftp://x" },
    ]);
  });
});
