// Links in mail come from configuration, never from the request (checklist S56, S65): a
// forged X-Forwarded-Host or Host never puts another site into a reset, verification or
// invitation link, over SMTP or into the dev outbox, and a request for a host that is not
// ours is refused whole with 400 (Django's test_poisoned_http_host is the model).
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, publicUrlFor, startServer } from "../support/server";
import { linkFor, startSmtp } from "../support/smtp";
import { type CallOptions, baseUrl, rawRequest } from "../support/http";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_HOST_PORT", 3116);
const PUBLIC = publicUrlFor(PORT);
const POISON = { "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", forwarded: "host=evil.test" };

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ databaseUrl: inject("databaseUrl"), port: PORT, env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await testSql().end();
});

const call = (path: string, options: CallOptions = {}) => rawRequest(server.url, path, options);
const unique = (tag: string) => `${tag}-${randomBytes(5).toString("hex")}@example.com`;

async function newStaff(store: string, role: "owner" | "staff" = "staff") {
  const email = unique("staff");
  const sql = testSql();
  const [user] = await sql`insert into users (username, email, password_hash, role)
    select 'poison_' || ${randomBytes(4).toString("hex")}, ${email}, password_hash, 'store' from users where username = 'store_owner'
    returning id, username`;
  await sql`insert into store_members (store_id, user_id, role) select id, ${user!.id}, ${role} from stores where slug = ${store}`;
  return { email, username: user!.username };
}

async function newAdmin() {
  const email = unique("admin");
  await testSql()`insert into users (username, email, password_hash, role)
    select 'poison_admin_' || ${randomBytes(4).toString("hex")}, ${email}, password_hash, 'admin' from users where username = 'admin'`;
  return email;
}

describe("links in mail with a forged X-Forwarded-Host", () => {
  it("send an admin's reset link to the platform's configured address", async () => {
    const email = await newAdmin();
    const before = smtp.messages.length;
    const res = await call("/api/v1/admin/auth/forgot-password", { body: { email }, headers: POISON });
    expect(res.status).toBe(202);
    const link = await linkFor(smtp.messages, email, "/reset-password", before);
    expect(link.startsWith(`${PUBLIC}/admin/reset-password?token=`), link).toBe(true);
  });

  it("send a store member's reset link to the platform's configured address", async () => {
    const { email } = await newStaff("acme");
    const before = smtp.messages.length;
    await call("/api/v1/store/auth/forgot-password", {
      body: { email, store_code: "ACME" },
      headers: POISON,
    });
    const link = await linkFor(smtp.messages, email, "/reset-password", before);
    expect(link.startsWith(`${PUBLIC}/store/acme/reset-password?token=`), link).toBe(true);
  });

  it("send shoppers' verification and reset links to the store's address by path, subdomain and custom domain", async () => {
    for (const [label, host, prefix, origin] of [
      ["path", undefined, "/api/v1/storefront/orion", `${PUBLIC}/storefront/orion`],
      [
        "subdomain",
        `orion.localhost:${PORT}`,
        "/api/v1/storefront",
        `http://orion.localhost:${PORT}/storefront`,
      ],
      ["custom domain", `orion.lu:${PORT}`, "/api/v1/storefront", `http://orion.lu:${PORT}/storefront`],
    ] as const) {
      const email = unique("shopper");
      let before = smtp.messages.length;
      const registered = await call(`${prefix}/auth/register`, {
        host,
        headers: POISON,
        body: {
          first_name: "Pia",
          last_name: "Poison",
          email,
          password: "harbor quill mosaic fern",
          marketing_consent: false,
        },
      });
      expect(registered.status, label).toBe(201);
      const verify = await linkFor(smtp.messages, email, "/verify-email", before);
      expect(verify.startsWith(`${origin}/account/verify-email?token=`), `${label}: ${verify}`).toBe(true);

      before = smtp.messages.length;
      await call(`${prefix}/auth/forgot-password`, { host, headers: POISON, body: { email } });
      const reset = await linkFor(smtp.messages, email, "/reset-password", before);
      expect(reset.startsWith(`${origin}/account/reset-password?token=`), `${label}: ${reset}`).toBe(true);
    }
  });

  it("hand out and mail invitation links on the platform's configured address", async () => {
    const owner = await newStaff("acme", "owner");
    const login = await call("/api/v1/store/auth/login", {
      body: { email_or_username: owner.username, password: "store123", store_code: "ACME" },
    });
    const { access_token } = await login.json();
    const email = unique("invitee");
    const before = smtp.messages.length;
    const res = await call("/api/v1/store/acme/team", {
      token: access_token,
      headers: POISON,
      body: { email, role: "staff" },
    });
    expect(res.status).toBe(201);
    const { invitation_url } = await res.json();
    expect(invitation_url.startsWith(`${PUBLIC}/store/acme/accept-invitation?token=`), invitation_url).toBe(
      true,
    );
    expect(await linkFor(smtp.messages, email, "/accept-invitation", before)).toBe(invitation_url);
  });
});

describe("a request for a host that is not ours", () => {
  it("is refused with 400 by every API area and mails nothing", async () => {
    const email = await newAdmin();
    const before = smtp.messages.length;
    for (const host of [
      "evil.test",
      `evil.test:${PORT}`,
      "a.b.localhost",
      `nosuch.localhost:${PORT}`,
      "bad host",
    ]) {
      const forgot = await call("/api/v1/admin/auth/forgot-password", { host, body: { email } });
      expect(forgot.status, host).toBe(400);
      expect((await forgot.json()).error.code).toBe("BAD_REQUEST");
      expect(
        (await call("/api/v1/store/auth/forgot-password", { host, body: { email, store_code: "ACME" } }))
          .status,
        host,
      ).toBe(400);
      expect(
        (await call("/api/v1/storefront/auth/forgot-password", { host, body: { email } })).status,
        host,
      ).toBe(400);
      expect((await call("/api/v1/health", { host })).status, host).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.slice(before).filter((m) => m.to.includes(email))).toEqual([]);
  });

  it("renders no page for it", async () => {
    for (const path of ["/admin/login", "/store/acme/login", "/storefront/orion", "/storefront", "/"]) {
      const res = await call(path, { host: "evil.test" });
      expect(res.status, path).toBe(400);
      expect(await res.text()).not.toContain("Sign in");
    }
  });

  it("maps no look-alike host to a store, and believes no X-Forwarded-Host from a client (S60)", async () => {
    for (const host of [
      `acme.localhost.evil.test:${PORT}`,
      `acme-localhost:${PORT}`,
      `orion.lu.evil.test:${PORT}`,
      `xorion.lu:${PORT}`,
    ]) {
      expect((await call("/storefront", { host })).status, host).toBe(400);
    }
    // Case and a trailing dot name the same host.
    const spelled = await call("/storefront", { host: `ACME.LOCALHOST.:${PORT}` });
    expect(spelled.status).toBe(200);
    expect(await spelled.text()).toContain("ACME Supplies");
    const forwarded = await call("/storefront", {
      host: `acme.localhost:${PORT}`,
      headers: { "x-forwarded-host": `orion.lu:${PORT}` },
    });
    expect(await forwarded.text()).toContain("ACME Supplies");
    expect((await call("/admin/login", { headers: { "x-forwarded-host": "evil.test" } })).status).toBe(200);
  });

  it("keeps the admin and store APIs off a store's own host", async () => {
    const res = await call("/api/v1/admin/auth/forgot-password", {
      host: `orion.lu:${PORT}`,
      body: { email: "admin@orion.test" },
    });
    expect(res.status).toBe(404);
    expect(
      (await call("/api/v1/store/auth/login", { host: `acme.localhost:${PORT}`, body: {} })).status,
    ).toBe(404);
    expect((await call("/api/v1/storefront/products", { host: `orion.lu:${PORT}` })).status).toBe(200);
  });
});

describe("the dev outbox", () => {
  it("keeps links on the configured address too, whatever the request said", async () => {
    // The shared test server has no SMTP_URL: its mail goes to the outbox table.
    const email = await newAdmin();
    const res = await rawRequest(baseUrl(), "/api/v1/admin/auth/forgot-password", {
      body: { email },
      headers: POISON,
    });
    expect(res.status).toBe(202);
    const deadline = Date.now() + 5000;
    let text = "";
    while (!text && Date.now() < deadline) {
      const [row] =
        await testSql()`select text from outbox_messages where "to" = ${email} order by id desc limit 1`;
      text = row?.text ?? "";
      if (!text) await new Promise((r) => setTimeout(r, 100));
    }
    const link = /https?:\/\/[^\s"<>]*reset-password[^\s"<>]*/.exec(text)?.[0] ?? "";
    expect(
      link.startsWith(`http://localhost:${new URL(baseUrl()).port}/admin/reset-password?token=`),
      link,
    ).toBe(true);
    expect(text).not.toContain("evil.test");
  });
});
