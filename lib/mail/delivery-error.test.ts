import { describe, expect, it } from "vitest";
import { DeliveryError, deliveryFailure, failureLine, sanitizeErrorText } from "./delivery-error";

const TOKEN = "q9Zr3kX_7bYw2LmN0pQsT4vU8aC1dEfG";

describe("sanitizeErrorText", () => {
  it("cuts links, query parameters, paths and opaque tokens out of a mail server's words", () => {
    const echoed = `Message failed: 554 5.7.1 spam: http://localhost:3000/storefront/acme/account/reset-password?token=${TOKEN} and www.example.com/x and token=${TOKEN} /api/v1/x?token=${TOKEN} ${TOKEN}`;
    const text = sanitizeErrorText(echoed);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/https?:|www\.|token=|reset-password|\/api\//);
    expect(text.startsWith("Message failed: 554 5.7.1 spam: [link]")).toBe(true);
  });

  it("keeps ordinary SMTP responses and network errors readable", () => {
    expect(
      sanitizeErrorText(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <a@example.com>: no such user",
      ),
    ).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <a@example.com>: no such user");
    expect(sanitizeErrorText("connect ECONNREFUSED 127.0.0.1:2525")).toBe(
      "connect ECONNREFUSED 127.0.0.1:2525",
    );
  });

  it("folds control characters and cuts long text to one short line", () => {
    const text = sanitizeErrorText(`451 busy\r\nX-Injected: yes ${"word ".repeat(100)}`);
    expect(text).not.toMatch(/[\r\n]/);
    expect(text.length).toBeLessThanOrEqual(200);
  });
});

describe("what the queue keeps of a failed attempt", () => {
  it("keeps a nodemailer error's SMTP code and sanitised response, never its stack", () => {
    const smtp = Object.assign(new Error(`Message failed: 550 refused http://x.test/?token=${TOKEN}`), {
      code: "EMESSAGE",
      responseCode: 550,
      response: `550 refused http://x.test/?token=${TOKEN}`,
    });
    const kept = JSON.parse(JSON.stringify(new DeliveryError(deliveryFailure(smtp)))) as object;
    const thrown = new DeliveryError(deliveryFailure(smtp));
    expect(thrown.stack).toBeUndefined();
    expect(JSON.stringify({ ...thrown, message: thrown.message })).not.toContain(TOKEN);
    expect({ ...kept, message: thrown.message }).toEqual({
      name: "DeliveryError",
      code: "EMESSAGE",
      responseCode: 550,
      message: "Message failed: 550 refused [link]",
    });
  });

  it("shows one line with the SMTP code, also for rows kept in full by an earlier version", () => {
    expect(failureLine({ message: "Message failed: 550 refused", responseCode: 550, code: "EMESSAGE" })).toBe(
      "Message failed: 550 refused",
    );
    expect(failureLine({ message: "Greeting never received", code: "ETIMEDOUT" })).toBe(
      "ETIMEDOUT: Greeting never received",
    );
    expect(
      failureLine({ message: `refused, see https://x.test/r?token=${TOKEN}`, responseCode: "421" }),
    ).toBe("SMTP 421: refused, see [link]");
    expect(failureLine({ value: "job failed by timeout in active state" })).toBe(
      "job failed by timeout in active state",
    );
    expect(failureLine({})).toBeNull();
  });
});
