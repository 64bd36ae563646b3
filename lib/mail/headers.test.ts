import { describe, expect, it } from "vitest";
import { headerValue } from "./headers";

describe("headerValue", () => {
  it("folds CR/LF and other control characters into one space, so no header can be added", () => {
    expect(headerValue("You are invited to the ACME\r\nBcc: victim@example.com team")).toBe(
      "You are invited to the ACME Bcc: victim@example.com team",
    );
    expect(headerValue("a\u0000b\tc\u007fd\n")).toBe("a b c d");
  });

  it("leaves ordinary text, accents and symbols as they are", () => {
    expect(headerValue("Reset your Épicerie & Co – Orion password")).toBe(
      "Reset your Épicerie & Co – Orion password",
    );
  });
});
