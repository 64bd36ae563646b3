// Mail delivered over SMTP to a real SMTP server in this process: password reset in every
// area, email verification, invitations (README › Mail, checklist S53–S57, S63).
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, publicUrlFor, startServer } from "../support/server";
import { type ReceivedMail, linkFor, startSmtp } from "../support/smtp";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const PORT = testPort("ORION_TEST_MAIL_PORT", 3113);

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ databaseUrl: inject("databaseUrl"), port: PORT, env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await testSql().end();
});

// The platform's configured public address (PUBLIC_URL): every link in mail starts here.
const publicUrl = () => publicUrlFor(PORT);
const call = (path: string, options: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(server.url, path, options);
const unique = () => `mail-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

async function newCustomer(slug: string, password = "first maple orbit candle") {
  const email = unique();
  const res = await call(`/api/v1/storefront/${slug}/auth/register`, {
    body: { first_name: "Mia", last_name: "Mail", email, password, marketing_consent: false },
  });
  expect(res.status).toBe(201);
  // The verification mail goes out from the queue a moment later: counts start after it.
  await linkFor(smtp.messages, email, "/verify-email");
  return email;
}

async function login(slug: string, email: string, password: string) {
  return call(`/api/v1/storefront/${slug}/auth/login`, { body: { email_or_username: email, password } });
}

function count(messages: ReceivedMail[], to: string) {
  return messages.filter((m) => m.to.includes(to)).length;
}

describe("customer password reset", () => {
  it("sends a link that resets the password once and ends the old sessions", async () => {
    const email = await newCustomer("orion");
    const old = await (await login("orion", email, "first maple orbit candle")).json();
    const before = smtp.messages.length;
    const forgot = await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email } });
    expect(forgot.status).toBe(202);
    const link = await linkFor(smtp.messages, email, "/reset-password", before);
    expect(link.startsWith(`${publicUrl()}/storefront/orion/account/reset-password?token=`), link).toBe(true);
    const mail = smtp.messages.slice(before).find((m) => m.to.includes(email))!;
    expect(mail.text).toContain("Orion Outfitters");
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const [stored] =
      await testSql()`select token_hash, expires_at from one_time_tokens where email = ${email} and purpose = 'password_reset'`;
    expect(stored!.token_hash).not.toBe(tokenOf(link));
    const minutes = (new Date(stored!.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);

    const reset = await call("/api/v1/storefront/orion/auth/reset-password", {
      body: { token: tokenOf(link), password: "second velvet kiosk tide" },
    });
    expect(reset.status).toBe(200);
    expect((await call("/api/v1/storefront/orion/account", { token: old.access_token })).status).toBe(401);
    expect((await login("orion", email, "first maple orbit candle")).status).toBe(401);
    expect((await login("orion", email, "second velvet kiosk tide")).status).toBe(200);
    const again = await call("/api/v1/storefront/orion/auth/reset-password", {
      body: { token: tokenOf(link), password: "third quartz meadow hymn" },
    });
    expect(again.status).toBe(400);
    expect((await again.json()).error.message).toMatch(/invalid, already used or expired/);
  });

  it("refuses a weak new password without spending the link or changing anything (S43)", async () => {
    const email = await newCustomer("orion");
    const old = await (await login("orion", email, "first maple orbit candle")).json();
    const before = smtp.messages.length;
    await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email } });
    const token = tokenOf(await linkFor(smtp.messages, email, "/reset-password", before));
    for (const password of ["password1234", "Orion OutfittersOrion Outfitters", email]) {
      const weak = await call("/api/v1/storefront/orion/auth/reset-password", { body: { token, password } });
      expect(weak.status, password).toBe(422);
      const text = await weak.text();
      expect(text).not.toContain(password);
      expect(JSON.parse(text).error.details).toEqual([
        { field: "password", message: expect.stringContaining("too easy to guess") },
      ]);
    }
    expect((await call("/api/v1/storefront/orion/account", { token: old.access_token })).status).toBe(200);
    expect((await login("orion", email, "first maple orbit candle")).status).toBe(200);
    const strong = await call("/api/v1/storefront/orion/auth/reset-password", {
      body: { token, password: "🔑🔑🔑 my long phrase" },
    });
    expect(strong.status).toBe(200);
    expect((await login("orion", email, "🔑🔑🔑 my long phrase")).status).toBe(200);
  });

  it("invalidates the first link when a second one is asked for", async () => {
    const email = await newCustomer("acme");
    let before = smtp.messages.length;
    await call("/api/v1/storefront/acme/auth/forgot-password", { body: { email } });
    const first = await linkFor(smtp.messages, email, "/reset-password", before);
    before = smtp.messages.length;
    await call("/api/v1/storefront/acme/auth/forgot-password", { body: { email } });
    const second = await linkFor(smtp.messages, email, "/reset-password", before);
    expect(
      (
        await call("/api/v1/storefront/acme/auth/reset-password", {
          body: { token: tokenOf(first), password: "another pebble sonnet rail" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call("/api/v1/storefront/acme/auth/reset-password", {
          body: { token: tokenOf(second), password: "another pebble sonnet rail" },
        })
      ).status,
    ).toBe(200);
  });

  it("sends nothing for an unknown address and answers the same", async () => {
    const email = await newCustomer("orion");
    const unknown = unique();
    const before = smtp.messages.length;
    const a = await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email } });
    const b = await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email: unknown } });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await a.text()).toBe(await b.text());
    await linkFor(smtp.messages, email, "/reset-password", before);
    await new Promise((r) => setTimeout(r, 300));
    expect(count(smtp.messages, unknown)).toBe(0);
  });

  it("refuses an expired link and a link of another store", async () => {
    const email = await newCustomer("orion");
    const before = smtp.messages.length;
    await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email } });
    const token = tokenOf(await linkFor(smtp.messages, email, "/reset-password", before));
    expect(
      (
        await call("/api/v1/storefront/acme/auth/reset-password", {
          body: { token, password: "another pebble sonnet rail" },
        })
      ).status,
    ).toBe(400);
    await testSql()`update one_time_tokens set expires_at = now() - interval '1 second' where email = ${email} and purpose = 'password_reset'`;
    expect(
      (
        await call("/api/v1/storefront/orion/auth/reset-password", {
          body: { token, password: "another pebble sonnet rail" },
        })
      ).status,
    ).toBe(400);
  });

  it("links to the store's configured address in the shopper's form of it, whatever Host the request named (S56)", async () => {
    const email = await newCustomer("orion");
    // The Host's port is not ours to copy: the store's address is its domain with the platform's port.
    for (const [host, origin] of [
      ["orion.lu:1", `http://orion.lu:${PORT}`],
      ["ORION.localhost:1", `http://orion.localhost:${PORT}`],
    ] as const) {
      const before = smtp.messages.length;
      await call("/api/v1/storefront/auth/forgot-password", {
        host,
        body: { email },
        headers: { "x-forwarded-host": "evil.test" },
      });
      const link = await linkFor(smtp.messages, email, "/reset-password", before);
      expect(link.startsWith(`${origin}/storefront/account/reset-password?token=`), link).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});

/** The message to `to` whose subject says `subject`, waiting for it a little. */
async function mailTo(to: string, subject: string, after: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.messages
      .slice(after)
      .find((m) => m.to.includes(to) && m.text.includes(`Subject: ${subject}`));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no "${subject}" to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("notices of account changes (S44)", () => {
  it("tells a shopper, in the store's name, that the password was changed and then reset; never what it is", async () => {
    const email = await newCustomer("orion");
    const { access_token } = await (await login("orion", email, "first maple orbit candle")).json();
    const before = smtp.messages.length;
    const changed = await call("/api/v1/storefront/orion/account/password", {
      token: access_token,
      body: { current_password: "first maple orbit candle", new_password: "second velvet kiosk tide" },
    });
    expect(changed.status).toBe(200);
    const notice = await mailTo(email, "Orion Outfitters: Your password was changed", before);
    expect(notice.text).toContain("The password of your account was changed.");
    expect(notice.text).toMatch(/When: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, from the address 127\.0\.0\.1\./);
    expect(notice.text).not.toContain("second velvet kiosk tide");
    const [event] =
      await testSql()`select e.store_id, s.slug from auth_events e join stores s on s.id = e.store_id
      join customers c on c.id = e.customer_id where e.type = 'password_changed' and c.email = ${email}`;
    expect(event?.slug).toBe("orion");

    const forgot = smtp.messages.length;
    await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email } });
    const token = tokenOf(await linkFor(smtp.messages, email, "/reset-password", forgot));
    const afterLink = smtp.messages.length;
    expect(
      (
        await call("/api/v1/storefront/orion/auth/reset-password", {
          body: { token, password: "third quartz meadow hymn" },
        })
      ).status,
    ).toBe(200);
    const reset = await mailTo(email, "Orion Outfitters: Your password was reset", afterLink);
    expect(reset.text).toContain("Every session of the account has been signed out.");
    expect(reset.text).not.toContain("third quartz meadow hymn");
    expect(reset.text).not.toMatch(/token=/);
  });

  it("tells an admin, as Orion, when two-factor goes on and off", async () => {
    const username = `notice_admin_${randomBytes(4).toString("hex")}`;
    await testSql()`insert into users (username, email, password_hash, role)
      select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
    const email = `${username}@orion.test`;
    const { access_token } = await (
      await call("/api/v1/admin/auth/login", { body: { email_or_username: username, password: "admin123" } })
    ).json();
    const setup = await (
      await call("/api/v1/admin/auth/totp/setup", { token: access_token, body: { password: "admin123" } })
    ).json();
    const step = Math.floor(Date.now() / 30_000);
    const before = smtp.messages.length;
    const code = await generate({ secret: setup.secret, epoch: step * 30 });
    expect(
      (await call("/api/v1/admin/auth/totp/enable", { token: access_token, body: { code } })).status,
    ).toBe(200);
    const on = await mailTo(email, "Orion: Two-factor sign-in is on", before);
    expect(on.text).not.toContain(setup.secret);
    const next = await generate({ secret: setup.secret, epoch: (step + 1) * 30 });
    const off = await call("/api/v1/admin/auth/totp/disable", {
      token: access_token,
      body: { password: "admin123", code: next },
    });
    expect(off.status).toBe(200);
    const offMail = await mailTo(email, "Orion: Two-factor sign-in is off", before);
    expect(offMail.text).toContain("turn two-factor sign-in back on");
  });
});

describe("email verification", () => {
  it("sends a link on registration that marks the address verified once", async () => {
    const before = smtp.messages.length;
    const email = await newCustomer("orion", "verify copper willow lane");
    const link = await linkFor(smtp.messages, email, "/verify-email", before);
    expect(link.startsWith(`${publicUrl()}/storefront/orion/account/verify-email?token=`), link).toBe(true);
    const { access_token } = await (await login("orion", email, "verify copper willow lane")).json();
    expect(
      (await (await call("/api/v1/storefront/orion/account", { token: access_token })).json()).customer
        .email_verified,
    ).toBe(false);
    expect(
      (await call("/api/v1/storefront/orion/auth/verify-email", { body: { token: tokenOf(link) } })).status,
    ).toBe(200);
    expect(
      (await (await call("/api/v1/storefront/orion/account", { token: access_token })).json()).customer
        .email_verified,
    ).toBe(true);
    expect(
      (await call("/api/v1/storefront/orion/auth/verify-email", { body: { token: tokenOf(link) } })).status,
    ).toBe(400);
  });

  it("resends at most once a minute", async () => {
    const email = await newCustomer("acme", "resend citrus badger loom");
    const { access_token } = await (await login("acme", email, "resend citrus badger loom")).json();
    await call("/api/v1/storefront/acme/auth/resend-verification", { body: {}, token: access_token });
    await new Promise((r) => setTimeout(r, 300));
    expect(count(smtp.messages, email)).toBe(1);
  });
});

describe("staff and admin reset, invitations", () => {
  it("resets a store member's password through the store's link", async () => {
    const sql = testSql();
    const email = unique();
    const [user] = await sql`insert into users (username, email, password_hash, role)
      select 'reset_' || floor(random()*1e9)::text, ${email}, password_hash, 'store' from users where username = 'acme_staff' returning id, username`;
    await sql`insert into store_members (store_id, user_id, role) select id, ${user!.id}, 'staff' from stores where slug = 'acme'`;
    const before = smtp.messages.length;
    expect(
      (await call("/api/v1/store/auth/forgot-password", { body: { email, store_code: "ACME" } })).status,
    ).toBe(202);
    const link = await linkFor(smtp.messages, email, "/reset-password", before);
    expect(link.startsWith(`${publicUrl()}/store/acme/reset-password?token=`), link).toBe(true);
    const body = { token: tokenOf(link), password: "a long staff password", store_code: "ACME" };
    expect(
      (await call("/api/v1/store/auth/reset-password", { body: { ...body, store_code: "ORION" } })).status,
    ).toBe(400);
    for (const password of ["123456789012", `${user!.username}${user!.username}`]) {
      const weak = await call("/api/v1/store/auth/reset-password", { body: { ...body, password } });
      expect(weak.status, password).toBe(422);
      expect((await weak.json()).error.details).toEqual([
        { field: "password", message: expect.stringContaining("too easy to guess") },
      ]);
    }
    const unchanged = await call("/api/v1/store/auth/login", {
      body: { email_or_username: user!.username, password: "staff123", store_code: "ACME" },
    });
    expect(unchanged.status).toBe(200);
    expect((await call("/api/v1/store/auth/reset-password", { body })).status).toBe(200);
    const ok = await call("/api/v1/store/auth/login", {
      body: { email_or_username: user!.username, password: "a long staff password", store_code: "ACME" },
    });
    expect(ok.status).toBe(200);
  });

  it("resets an admin's password, refusing a common one first", async () => {
    const sql = testSql();
    const email = unique();
    const [admin] = await sql`insert into users (username, email, password_hash, role)
      select 'reset_admin_' || floor(random()*1e9)::text, ${email}, password_hash, 'admin' from users where username = 'admin' returning username`;
    const before = smtp.messages.length;
    expect((await call("/api/v1/admin/auth/forgot-password", { body: { email } })).status).toBe(202);
    const token = tokenOf(await linkFor(smtp.messages, email, "/admin/reset-password", before));
    const weak = await call("/api/v1/admin/auth/reset-password", {
      body: { token, password: "qwertyuiopasdf" },
    });
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.details).toEqual([
      { field: "password", message: expect.stringContaining("too easy to guess") },
    ]);
    const adminLogin = (password: string) =>
      call("/api/v1/admin/auth/login", { body: { email_or_username: admin!.username, password } });
    expect((await adminLogin("admin123")).status).toBe(200);
    expect(
      (
        await call("/api/v1/admin/auth/reset-password", {
          body: { token, password: "otter violin quarry dusk" },
        })
      ).status,
    ).toBe(200);
    expect((await adminLogin("otter violin quarry dusk")).status).toBe(200);
    expect((await adminLogin("admin123")).status).toBe(401);
  });

  it("refuses a short password for staff and admins", async () => {
    const res = await call("/api/v1/admin/auth/reset-password", {
      body: { token: "x".repeat(43), password: "short pw" },
    });
    expect(res.status).toBe(422);
  });

  it("sends team invitations by email with the 72-hour link", async () => {
    const owner = await (
      await call("/api/v1/store/auth/login", {
        body: { email_or_username: "store_owner", password: "store123", store_code: "ACME" },
      })
    ).json();
    const email = unique();
    const before = smtp.messages.length;
    const res = await call("/api/v1/store/acme/team", {
      token: owner.access_token,
      body: { email, role: "staff" },
    });
    expect(res.status).toBe(201);
    const link = await linkFor(smtp.messages, email, "/accept-invitation", before);
    expect(link).toBe((await res.json()).invitation_url);
  });

  it("keeps every token out of the server log", async () => {
    const tokens = smtp.messages.flatMap((m) =>
      [...m.text.matchAll(/token=([A-Za-z0-9_-]{43})/g)].map((x) => x[1]!),
    );
    expect(tokens.length).toBeGreaterThan(5);
    const log = server.output();
    expect(log).toContain("mail sent");
    for (const token of tokens) expect(log).not.toContain(token);
  });
});
