// No state change on safe methods (checklist S24): a GET or HEAD — what a link, an image or a
// top-level navigation sends, cookies included under SameSite=Lax — to an endpoint that signs
// out, turns off two-factor, suspends, deactivates, unlocks, changes a role or ends a session
// is a 405 in every area, and nothing changed: the tokens still work, the rows are as before.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminLogin, baseUrl, rawRequest, storeLogin } from "../support/http";
import { decodePart } from "../support/tokens";
import { testSql } from "./db";

const call = (path: string, options: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(baseUrl(), path, options);
const PASSWORD = "lichen vapour ticket spruce";

let acmeId: string;
let victimUserId: string;
let staffId: string;
let customer: { id: string; token: string; otherSid: string; wishedId: string };
let acmeCustomerId: string;

async function registerAndLogin(slug: string) {
  const email = `safe-${randomUUID()}@example.com`;
  const reg = await call(`/api/v1/storefront/${slug}/auth/register`, {
    body: { first_name: "Sa", last_name: "Fe", email, password: PASSWORD, marketing_consent: false },
  });
  expect(reg.status).toBe(201);
  const login = async () => {
    const res = await call(`/api/v1/storefront/${slug}/auth/login`, {
      body: { email_or_username: email, password: PASSWORD },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { access_token: string; customer: { id: string } };
  };
  const other = await login();
  const mine = await login();
  return {
    id: mine.customer.id,
    token: mine.access_token,
    otherSid: String(decodePart(other.access_token, 1).sid),
  };
}

beforeAll(async () => {
  const sql = testSql();
  const [acme] = await sql`select id from stores where code = 'ACME'`;
  acmeId = acme!.id;
  const [victim] = await sql`insert into users (username, email, password_hash, role)
    select 'safe_' || floor(random()*1e9)::text, 'safe' || floor(random()*1e9)::text || '@safe.test', password_hash, 'admin'
    from users where username = 'admin' returning id`;
  victimUserId = victim!.id;
  const [staff] = await sql`select id from users where username = 'acme_staff'`;
  staffId = staff!.id;
  const shopper = await registerAndLogin("orion");
  const products = (await (await call("/api/v1/storefront/orion/products")).json()).items as Array<{
    id: string;
  }>;
  expect(
    (
      await call("/api/v1/storefront/orion/account/wishlist", {
        token: shopper.token,
        body: { product_id: products[0]!.id },
      })
    ).status,
  ).toBe(201);
  customer = { ...shopper, wishedId: products[0]!.id };
  acmeCustomerId = (await registerAndLogin("acme")).id;
});

afterAll(async () => {
  await testSql().end();
});

/** GET and HEAD with the token as Bearer and as the area's cookie: each a 405. */
async function expectRefused(path: string, token: string, cookieName: string) {
  for (const method of ["GET", "HEAD"]) {
    const res = await call(path, { method, token, cookie: `${cookieName}=${token}` });
    expect(res.status, `${method} ${path}`).toBe(405);
    expect(res.headers.get("allow") ?? "", `${method} ${path}`).not.toMatch(/\bGET\b/);
  }
}

async function snapshot() {
  const sql = testSql();
  const of = async (q: PromiseLike<readonly unknown[]>) => JSON.stringify(await q);
  return {
    stores: await of(sql`select id, status from stores order by id`),
    users: await of(sql`select id, is_active, token_version from users order by id`),
    members: await of(
      sql`select user_id, store_id, role, is_active from store_members order by user_id, store_id`,
    ),
    customers: await of(sql`select id, is_active, token_version, password_hash from customers order by id`),
    sessions: await of(sql`select id, revoked_at from sessions order by id`),
    wishlist: await of(sql`select * from wishlist_items order by customer_id, product_id`),
  };
}

describe("state-changing endpoints asked with GET or HEAD", () => {
  it("admin: sign-out, two-factor off, suspend, deactivate and unlock are 405 and change nothing", async () => {
    const { access_token: token } = await adminLogin();
    const before = await snapshot();
    for (const path of [
      "/api/v1/admin/auth/logout",
      "/api/v1/admin/auth/totp/disable",
      `/api/v1/admin/stores/${acmeId}/suspend`,
      `/api/v1/admin/stores/${acmeId}/reactivate`,
      `/api/v1/admin/users/${victimUserId}/deactivate`,
      "/api/v1/admin/locks/unlock",
    ]) {
      await expectRefused(path, token, "admin_token");
    }
    expect(await snapshot()).toEqual(before);
    expect((await call("/api/v1/admin/auth/me", { token })).status).toBe(200);
  });

  it("store: sign-out, two-factor off, a role change or removal and a shopper's deactivation are 405 and change nothing", async () => {
    const { access_token: token } = await storeLogin("ACME", "store_owner", "store123");
    const before = await snapshot();
    for (const path of [
      "/api/v1/store/auth/logout",
      "/api/v1/store/acme/auth/totp/disable",
      `/api/v1/store/acme/team/${staffId}`,
      `/api/v1/store/acme/customers/${acmeCustomerId}/deactivate`,
    ]) {
      await expectRefused(path, token, "store_token");
    }
    expect(await snapshot()).toEqual(before);
    expect((await call("/api/v1/store/acme/auth/me", { token })).status).toBe(200);
  });

  it("shopper: sign-out, resend-verification, password, two-factor off, ending a session and unwishing are 405 and change nothing", async () => {
    const { token } = customer;
    const before = await snapshot();
    const mailsBefore =
      await testSql()`select count(*)::int as n from one_time_tokens where customer_id = ${customer.id}`;
    for (const path of [
      "/api/v1/storefront/orion/auth/logout",
      "/api/v1/storefront/orion/auth/resend-verification",
      "/api/v1/storefront/orion/account/password",
      "/api/v1/storefront/orion/account/totp/disable",
      `/api/v1/storefront/orion/account/sessions/${customer.otherSid}`,
      `/api/v1/storefront/orion/account/wishlist/${customer.wishedId}`,
    ]) {
      await expectRefused(path, token, "customer_token");
    }
    expect(await snapshot()).toEqual(before);
    expect(
      await testSql()`select count(*)::int as n from one_time_tokens where customer_id = ${customer.id}`,
    ).toEqual(mailsBefore);
    expect((await call("/api/v1/storefront/orion/auth/me", { token })).status).toBe(200);
  });
});
