import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, isSecretKey, sanitize, scrub, serializeError } from "./log";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwZSI6ImFkbWluIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
const RESET = "Qm9vay1hLXRhYmxlLWZvci10d28tYXQtZWlnaHQtcG0";

function capture() {
  let text = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  return {
    logger,
    text: () => text,
    lines: () =>
      text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("scrub", () => {
  it("blanks JWT-shaped strings wherever they stand", () => {
    expect(scrub(`token was ${JWT}.`)).toBe("token was [redacted].");
    expect(scrub(`Authorization: Bearer ${JWT}`)).not.toContain("eyJ");
  });

  it("blanks token values in query strings and fragments, keeping the rest of the link", () => {
    expect(scrub(`http://orion.localhost:3000/account/reset-password?token=${RESET}&next=/a`)).toBe(
      "http://orion.localhost:3000/account/reset-password?token=[redacted]&next=/a",
    );
    expect(scrub(`/store/acme/accept-invitation#token=${RESET}`)).toBe(
      "/store/acme/accept-invitation#token=[redacted]",
    );
    expect(scrub(`grant_type=refresh_token&refresh_token=${RESET}`)).toBe(
      "grant_type=refresh_token&refresh_token=[redacted]",
    );
    expect(scrub("password=hunter2&user=ann")).toBe("password=[redacted]&user=ann");
  });

  it("blanks a bearer credential", () => {
    expect(scrub(`Bearer ${RESET}`)).toBe("Bearer [redacted]");
  });

  it("hides a failed query's parameters", () => {
    expect(scrub("Failed query: select 1 where email = $1\nparams: ann@example.com")).toBe(
      "Failed query: select 1 where email = $1\nparams: [hidden]",
    );
  });

  it("leaves ordinary text alone", () => {
    expect(scrub("mail sent: password_reset to ann@example.com")).toBe(
      "mail sent: password_reset to ann@example.com",
    );
  });
});

describe("secret keys", () => {
  it("knows the spellings of secrets", () => {
    for (const key of [
      "password",
      "newPassword",
      "current_password",
      "Set-Cookie",
      "Authorization",
      "refreshToken",
      "mfa_token",
      "code",
      "recovery_codes",
      "totp_secret",
      "resetToken",
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ["username", "email", "token_type", "event", "session_id", "error_code", "kind"]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it("censors them at any depth and scrubs strings in a copy", () => {
    const input = { a: { b: { c: { d: { password: "pw", note: `see ${JWT}` } } } }, list: [{ token: "t" }] };
    expect(sanitize(input)).toEqual({
      a: { b: { c: { d: { password: "[redacted]", note: "see [redacted]" } } } },
      list: [{ token: "[redacted]" }],
    });
    expect(input.a.b.c.d.password).toBe("pw");
  });

  it("survives cycles", () => {
    const loop: Record<string, unknown> = { name: "loop" };
    loop.self = loop;
    expect(sanitize(loop)).toEqual({ name: "loop", self: "[circular]" });
  });
});

describe("the logger", () => {
  it("writes one JSON line per entry with level, UTC time and the fields", () => {
    const { logger, lines } = capture();
    logger.info({ event: "login_succeeded", area: "admin" }, "auth event");
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", event: "login_succeeded", area: "admin", msg: "auth event" });
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it("redacts secret fields at every depth and in headers", () => {
    const { logger, text } = capture();
    logger.info({
      password: "PW-1",
      body: { new_password: "PW-2", current_password: "PW-3", nested: { deeper: { refresh_token: "RT-4" } } },
      headers: { authorization: `Bearer ${JWT}`, cookie: "orion_admin=abc", "set-cookie": ["x=1"] },
      mfa: { mfa_token: "MFA-5", code: "123456", recovery_code: "RC-6", totp_secret: "JBSWY3DPEHPK3PXP" },
    });
    const out = text();
    for (const secret of [
      "PW-1",
      "PW-2",
      "PW-3",
      "RT-4",
      JWT,
      "abc",
      "x=1",
      "MFA-5",
      "123456",
      "RC-6",
      "JBSWY3DPEHPK3PXP",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"password":"[redacted]"');
  });

  it("scrubs the message and its format arguments", () => {
    const { logger, text } = capture();
    logger.info(`careless ${JWT} and /reset-password?token=${RESET}`);
    logger.warn({ n: 1 }, "link %s, tokens %o", `#token=${RESET}`, { access_token: JWT });
    expect(text()).not.toContain(RESET);
    expect(text()).not.toContain("eyJ");
  });

  it("keeps a value with CR/LF on one line", () => {
    const { logger, text } = capture();
    logger.info({ identifier: "x\r\n2026-01-01 INFO login success user=admin" }, "auth event");
    expect(text().split("\n").filter(Boolean)).toHaveLength(1);
    expect(text()).not.toMatch(/^2026-01-01/m);
  });

  it("logs an error's kind, message, stack and cause without query parameters or row details", () => {
    const { logger, lines, text } = capture();
    const cause = Object.assign(new Error("duplicate key value"), {
      code: "23505",
      detail: "Key (email)=(ann@example.com) exists",
    });
    const error = new Error(
      "Failed query: insert into customers values ($1, $2)\nparams: ann@example.com,$2a$12$hash",
      { cause },
    );
    logger.error({ err: error }, "unhandled error");
    logger.error(error);
    const [first, second] = lines();
    expect(first!.err).toMatchObject({
      type: "Error",
      message: "Failed query: insert into customers values ($1, $2)\nparams: [hidden]",
      cause: { error_code: "23505" },
    });
    expect(second!.msg).toBe("Failed query: insert into customers values ($1, $2)");
    expect(text()).not.toContain("ann@example.com");
    expect(text()).not.toContain("$2a$12$hash");
  });

  it("serializes only errors", () => {
    expect(serializeError("text")).toBe("text");
  });

  it("is silent at level silent", () => {
    let written = "";
    const destination = new Writable({ write: (c: Buffer, _e, done) => ((written += c.toString()), done()) });
    createLogger({ level: "silent", destination }).error("nothing");
    expect(written).toBe("");
  });
});
