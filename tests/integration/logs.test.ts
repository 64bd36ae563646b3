// The server's log is useful and clean (README › Logs, checklist S68 [GB-log]): a run through every
// credential flow with canary values, then the captured stdout and stderr are searched for
// each secret the run saw, and for the auth events as JSON lines.
//
// Each step pushes every secret it handles (passwords, tokens, cookies, link tokens) to
// `secrets`; the last test asserts none of them reached the log. A new flow (two-factor:
// TOTP secret, codes, mfa_token) adds a step before it and pushes its values the same way.
import { testPort } from "../support/ports";
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { linkFor, startSmtp } from "../support/smtp";
import { rawRequest } from "../support/http";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const PORT = testPort("ORION_TEST_LOG_PORT", 3141);

/** Every secret value seen in the run; none may appear in the server's output. */
const secrets: string[] = [];

const canary = () => `PW-CANARY-${randomUUID()}`;
const CRLF_USERNAME = "x\r\n2026-01-01 INFO login success user=admin";

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: PORT,
    env: { SMTP_URL: smtp.url, LOG_LEVEL: "debug" },
  });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const call = (path: string, options: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(server.url, path, options);
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

/** Keeps the token-like values of an answer: JSON fields named *token and cookie values. */
async function keep(res: Response): Promise<Record<string, unknown>> {
  for (const line of res.headers.getSetCookie()) {
    const value = line.split(";")[0]!.split("=").slice(1).join("=");
    if (value.length >= 16) secrets.push(value);
  }
  const isJson = res.headers.get("content-type")?.startsWith("application/json");
  const body = isJson ? ((await res.json()) as Record<string, unknown>) : {};
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (/token$/i.test(key) && typeof item === "string") secrets.push(item);
        else walk(item);
      }
    }
  };
  walk(body);
  return body;
}

type LogLine = Record<string, unknown> & { msg?: string; event?: string };

function jsonLines(): LogLine[] {
  return server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

function eventLines(event: string): LogLine[] {
  return jsonLines().filter((line) => line.event === event);
}

/** Posts a login page's form as a browser would: its hidden action fields, our fields, our Origin. */
async function postLoginForm(path: string, fields: Record<string, string>): Promise<Response> {
  const page = await fetch(server.url + path);
  const html = await page.text();
  const form = new FormData();
  for (const match of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(match[0])?.[1];
    const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? "";
    if (name) form.append(name.replace(/&amp;/g, "&"), value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return fetch(server.url + path, {
    method: "POST",
    body: form,
    headers: { origin: server.url },
    redirect: "manual",
  });
}

const customer = { email: `log-${randomUUID()}@example.com`, first: canary(), second: canary() };

describe("a run with canary values", () => {
  it("admin: API login, refresh, logout", async () => {
    secrets.push("admin123");
    const login = await keep(
      await call("/api/v1/admin/auth/login", { body: { email_or_username: "admin", password: "admin123" } }),
    );
    expect(login.access_token).toBeTruthy();
    const refreshed = await call("/api/v1/admin/auth/refresh", {
      body: { refresh_token: login.refresh_token },
    });
    expect(refreshed.status).toBe(200);
    const tokens = await keep(refreshed);
    const logout = await call("/api/v1/admin/auth/logout", {
      method: "POST",
      token: tokens.access_token as string,
    });
    expect(logout.status).toBe(200);
  });

  it("admin: the login page's form, with a wrong canary password and then the right one", async () => {
    const wrong = canary();
    secrets.push(wrong);
    const failed = await postLoginForm("/admin/login", { email_or_username: "admin", password: wrong });
    expect(failed.status).toBe(200);
    const ok = await postLoginForm("/admin/login", { email_or_username: "admin", password: "admin123" });
    expect(ok.status).toBe(303);
    await keep(ok);
    expect(ok.headers.getSetCookie().length).toBeGreaterThan(0);
  });

  it("store staff: login and logout", async () => {
    secrets.push("staff123");
    const res = await call("/api/v1/store/auth/login", {
      body: { email_or_username: "acme_staff", password: "staff123", store_code: "ACME" },
    });
    expect(res.status).toBe(200);
    const login = await keep(res);
    expect(
      (await call("/api/v1/store/auth/logout", { method: "POST", token: login.access_token as string }))
        .status,
    ).toBe(200);
  });

  it("customer: register with a canary password and verify the address", async () => {
    secrets.push(customer.first);
    const before = smtp.messages.length;
    const res = await call("/api/v1/storefront/orion/auth/register", {
      body: {
        first_name: "Lou",
        last_name: "Log",
        email: customer.email,
        password: customer.first,
        marketing_consent: false,
      },
    });
    expect(res.status).toBe(201);
    await keep(res);
    const token = tokenOf(await linkFor(smtp.messages, customer.email, "/verify-email", before));
    secrets.push(token);
    expect((await call("/api/v1/storefront/orion/auth/verify-email", { body: { token } })).status).toBe(200);
  });

  it("customer: forgot password, reset to another canary, login with it, refresh, logout", async () => {
    secrets.push(customer.second);
    const before = smtp.messages.length;
    expect(
      (await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email: customer.email } }))
        .status,
    ).toBe(202);
    const token = tokenOf(await linkFor(smtp.messages, customer.email, "/reset-password", before));
    secrets.push(token);
    const reset = await call("/api/v1/storefront/orion/auth/reset-password", {
      body: { token, password: customer.second },
    });
    expect(reset.status).toBe(200);
    const res = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: customer.email, password: customer.second },
    });
    expect(res.status).toBe(200);
    const login = await keep(res);
    const refreshed = await call("/api/v1/storefront/orion/auth/refresh", {
      body: { refresh_token: login.refresh_token },
    });
    expect(refreshed.status).toBe(200);
    const tokens = await keep(refreshed);
    expect(
      (
        await call("/api/v1/storefront/orion/auth/logout", {
          method: "POST",
          token: tokens.access_token as string,
        })
      ).status,
    ).toBe(200);
  });

  it("customer: a failed login with a canary password", async () => {
    const wrong = canary();
    secrets.push(wrong);
    const res = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: customer.email, password: wrong },
    });
    expect(res.status).toBe(401);
  });

  it("admin: two-factor set-up, a login with an app code and one with a recovery code", async () => {
    const username = `log_mfa_${randomUUID().slice(0, 8)}`;
    const sql = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
    await sql`insert into users (username, email, password_hash, role)
      select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
    await sql.end();
    const signIn = () =>
      call("/api/v1/admin/auth/login", { body: { email_or_username: username, password: "admin123" } });
    const first = await keep(await signIn());
    const token = first.access_token as string;
    const setup = (await (
      await call("/api/v1/admin/auth/totp/setup", { body: { password: "admin123" }, token })
    ).json()) as {
      secret: string;
      otpauth_uri: string;
    };
    secrets.push(setup.secret, setup.otpauth_uri);
    const enableCode = await generate({ secret: setup.secret });
    // Six digits alone could match any number in a log line: look for them as a JSON string.
    secrets.push(`"${enableCode}"`);
    const enabled = (await (
      await call("/api/v1/admin/auth/totp/enable", { body: { code: enableCode }, token })
    ).json()) as {
      recovery_codes: string[];
    };
    secrets.push(...enabled.recovery_codes, ...enabled.recovery_codes.map((c) => c.replace(/-/g, "")));

    const step = await keep(await signIn());
    expect(step.mfa_required).toBe(true);
    const code = await generate({ secret: setup.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    secrets.push(`"${code}"`);
    const wrong = await call("/api/v1/admin/auth/mfa", {
      body: { mfa_token: step.mfa_token, code: "000000" },
    });
    expect(wrong.status).toBe(401);
    const done = await call("/api/v1/admin/auth/mfa", { body: { mfa_token: step.mfa_token, code } });
    expect(done.status).toBe(200);
    await keep(done);
    const again = await keep(await signIn());
    const recovered = await call("/api/v1/admin/auth/mfa", {
      body: { mfa_token: again.mfa_token, recovery_code: enabled.recovery_codes[0] },
    });
    expect(recovered.status).toBe(200);
    await keep(recovered);
  });

  it("admin: a login whose username carries CR/LF and a forged log line is refused as input", async () => {
    const wrong = canary();
    secrets.push(wrong);
    const res = await call("/api/v1/admin/auth/login", {
      body: { email_or_username: CRLF_USERNAME, password: wrong },
    });
    expect(res.status).toBe(422);
  });
});

describe("the server's log after the run", () => {
  it("has a JSON line with the context for each auth event", async () => {
    // Entries are written as the requests finish; give the last ones a moment.
    await new Promise((r) => setTimeout(r, 200));
    for (const event of [
      "login_succeeded",
      "login_failed",
      "logout",
      "token_refreshed",
      "customer_registered",
      "email_verified",
      "password_reset_requested",
      "password_reset",
      "mfa_enabled",
      "mfa_challenged",
      "recovery_code_used",
    ]) {
      expect(eventLines(event).length, event).toBeGreaterThan(0);
    }
    for (const line of eventLines("login_succeeded")) {
      expect(line).toMatchObject({
        level: "info",
        msg: "auth event",
        ip: expect.any(String),
        request_id: expect.any(String),
        session_id: expect.any(String),
      });
      expect(line.time).toMatch(/Z$/);
    }
    const areas = new Set(eventLines("login_succeeded").map((line) => line.area));
    expect([...areas].sort()).toEqual(["admin", "customer", "store"]);
    const staff = eventLines("login_succeeded").find((line) => line.area === "store")!;
    expect(staff.store_id).toEqual(expect.any(String));
    expect(staff.user_id).toEqual(expect.any(String));
    const reset = eventLines("password_reset").at(-1)!;
    expect(reset).toMatchObject({
      area: "customer",
      store_id: expect.any(String),
      customer_id: expect.any(String),
    });
    expect(
      eventLines("logout")
        .map((line) => line.area)
        .sort(),
    ).toEqual(["admin", "customer", "store"]);
  });

  // A value with CR/LF that does reach the log stays on its line: lib/log.test.ts.
  it("lets the CR/LF username forge no line", () => {
    const log = server.output();
    expect(log).not.toMatch(/^2026-01-01/m);
    expect(log).not.toContain("\r\n2026-01-01");
    expect(eventLines("login_failed").some((line) => String(line.identifier).includes("2026-01-01"))).toBe(
      false,
    );
  });

  it("names mail by kind and recipient, never by link", () => {
    const sent = jsonLines().filter((line) => line.msg === "mail sent");
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.some((line) => line.to === customer.email)).toBe(true);
    expect(server.output()).not.toContain("token=");
  });

  it("contains none of the secrets of the run", () => {
    const log = server.output();
    // Passwords, access and refresh tokens, cookies, reset and verification tokens.
    expect(secrets.length).toBeGreaterThan(15);
    for (const secret of secrets)
      expect(log.includes(secret), `a secret of ${secret.length} characters is in the log`).toBe(false);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect(log).not.toContain("PW-CANARY-");
  });
});
