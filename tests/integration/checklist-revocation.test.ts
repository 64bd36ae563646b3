// Revocation (checklist S8, S28): after a logout, a shopper's deactivation, a member's removal
// or an admin's deactivation of a user, the tokens already issued stop working at the next
// request: access tokens as Bearer and as page cookie, refresh tokens at the API and as the
// page's refresh cookie. Each case first shows the same tokens working, so a refusal is the
// revocation's doing.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type LoginAnswer, adminLogin, get, postJson, send, storeLogin } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const tag = () => randomBytes(4).toString("hex");
const CUSTOMER_PASSWORD = "amber canal ferry lantern";

async function newCustomer(
  slug = "orion",
): Promise<{ email: string; login: () => Promise<LoginAnswer & { customer: { id: string } }> }> {
  const email = `revoke-${tag()}@example.com`;
  const res = await postJson(`/api/v1/storefront/${slug}/auth/register`, {
    first_name: "Rae",
    last_name: "Voke",
    email,
    password: CUSTOMER_PASSWORD,
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  return {
    email,
    login: async () => {
      const r = await postJson(`/api/v1/storefront/${slug}/auth/login`, {
        email_or_username: email,
        password: CUSTOMER_PASSWORD,
      });
      expect(r.status).toBe(200);
      return r.json();
    },
  };
}

/** A store user (staff123) who is a member of each of `slugs`. */
async function newStoreUser(slugs: string[]): Promise<{ id: string; username: string }> {
  const username = `revoke_staff_${tag()}`;
  const [user] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@acme.test', password_hash, 'store' from users where username = 'acme_staff' returning id`;
  for (const slug of slugs) {
    await testSql()`insert into store_members (store_id, user_id, role) select id, ${user!.id}, 'staff' from stores where slug = ${slug}`;
  }
  return { id: user!.id as string, username };
}

type Where = {
  mePath: string;
  refreshPath: string;
  page: string;
  accessCookie: string;
  refreshCookie: string;
};

const AT = {
  admin: {
    mePath: "/api/v1/admin/auth/me",
    refreshPath: "/api/v1/admin/auth/refresh",
    page: "/admin",
    accessCookie: "admin_token",
    refreshCookie: "admin_refresh",
  },
  acme: {
    mePath: "/api/v1/store/acme/auth/me",
    refreshPath: "/api/v1/store/auth/refresh",
    page: "/store/acme",
    accessCookie: "store_token",
    refreshCookie: "store_refresh",
  },
  orion: {
    mePath: "/api/v1/store/orion/auth/me",
    refreshPath: "/api/v1/store/auth/refresh",
    page: "/store/orion",
    accessCookie: "store_token",
    refreshCookie: "store_refresh",
  },
  shop: {
    mePath: "/api/v1/storefront/orion/account",
    refreshPath: "/api/v1/storefront/orion/auth/refresh",
    page: "/storefront/orion/account",
    accessCookie: "customer_token",
    refreshCookie: "customer_refresh",
  },
} satisfies Record<string, Where>;

/** The access token opens the API and the page (no refresh is spent checking it). */
async function expectWorking(where: Where, tokens: LoginAnswer) {
  expect(
    (await get(where.mePath, { authorization: `Bearer ${tokens.access_token}` })).status,
    where.mePath,
  ).toBe(200);
  expect(
    (await get(where.page, { cookie: `${where.accessCookie}=${tokens.access_token}` })).status,
    where.page,
  ).toBe(200);
}

/** Every way of presenting the tokens is refused; the page sends the visitor to its login. */
async function expectRevoked(where: Where, tokens: LoginAnswer) {
  const api = await get(where.mePath, { authorization: `Bearer ${tokens.access_token}` });
  expect(api.status, `${where.mePath} Bearer`).toBe(401);
  expect((await api.json()).error.code).toBe("INVALID_TOKEN");
  const page = await get(where.page, { cookie: `${where.accessCookie}=${tokens.access_token}` });
  expect(page.status, `${where.page} cookie`).toBe(307);
  expect(page.headers.get("location"), where.page).toMatch(/\/login\?next=/);
  const renewal = await get(where.page, { cookie: `${where.refreshCookie}=${tokens.refresh_token}` });
  expect(renewal.status, `${where.page} refresh cookie`).toBe(307);
  expect(
    renewal.headers.getSetCookie().some((c) => c.startsWith(`${where.accessCookie}=ey`)),
    where.page,
  ).toBe(false);
  expect(
    (await postJson(where.refreshPath, { refresh_token: tokens.refresh_token })).status,
    where.refreshPath,
  ).toBe(401);
}

/** The same signature spelt otherwise: the unused low bits of its last character set, and padded. */
function respelt(token: string): string[] {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const [h, p, s] = token.split(".");
  const last = alphabet.indexOf(s!.at(-1)!);
  const sibling = `${s!.slice(0, -1)}${alphabet[last ^ 1]}`;
  return [`${h}.${p}.${sibling}`, `${h}.${p}.${s}=`, `${h}.${p}.${sibling}=`];
}

describe("logout (S28)", () => {
  it("a shopper's access and refresh tokens are refused once signed out, however they are spelt", async () => {
    const customer = await newCustomer();
    const tokens = await customer.login();
    await expectWorking(AT.shop, tokens);
    const out = await send("POST", "/api/v1/storefront/orion/auth/logout", tokens.access_token, {});
    expect(out.status).toBe(200);
    await expectRevoked(AT.shop, tokens);
    for (const variant of respelt(tokens.access_token)) {
      expect((await get(AT.shop.mePath, { authorization: `Bearer ${variant}` })).status).toBe(401);
      expect((await get(AT.shop.page, { cookie: `customer_token=${variant}` })).status).toBe(307);
    }
    // Another session of the same shopper is untouched.
    await expectWorking(AT.shop, await customer.login());
  });

  it("a store member's and an admin's tokens likewise", async () => {
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    await expectWorking(AT.acme, staff);
    expect((await send("POST", "/api/v1/store/auth/logout", staff.access_token)).status).toBe(200);
    await expectRevoked(AT.acme, staff);

    const admin = await adminLogin();
    await expectWorking(AT.admin, admin);
    expect((await send("POST", "/api/v1/admin/auth/logout", admin.access_token)).status).toBe(200);
    await expectRevoked(AT.admin, admin);
  });
});

describe("a deactivated shopper (S8)", () => {
  it("is signed out everywhere at once and cannot sign in again", async () => {
    const customer = await newCustomer();
    const one = await customer.login();
    const two = await customer.login();
    await expectWorking(AT.shop, one);
    const owner = await storeLogin("ORION", "store_owner", "store123");
    const res = await send(
      "POST",
      `/api/v1/store/orion/customers/${one.customer.id}/deactivate`,
      owner.access_token,
    );
    expect(res.status).toBe(200);
    await expectRevoked(AT.shop, one);
    await expectRevoked(AT.shop, two);
    const again = await postJson("/api/v1/storefront/orion/auth/login", {
      email_or_username: customer.email,
      password: CUSTOMER_PASSWORD,
    });
    expect(again.status).toBe(401);
  });
});

describe("a removed store member (S8)", () => {
  it("loses the store's access and refresh tokens at once, and keeps the other store's", async () => {
    const user = await newStoreUser(["acme", "orion"]);
    const acme = await storeLogin("ACME", user.username, "staff123");
    const orion = await storeLogin("ORION", user.username, "staff123");
    await expectWorking(AT.acme, acme);
    const owner = await storeLogin("ACME", "store_owner", "store123");
    expect((await send("DELETE", `/api/v1/store/acme/team/${user.id}`, owner.access_token)).status).toBe(204);
    await expectRevoked(AT.acme, acme);
    await expectWorking(AT.orion, orion);
    const back = await postJson("/api/v1/store/auth/login", {
      email_or_username: user.username,
      password: "staff123",
      store_code: "ACME",
    });
    expect(back.status).toBe(401);
  });
});

describe("an admin deactivating a user (S8)", () => {
  it("ends every session of a store user in every store, and reactivation does not bring them back", async () => {
    const user = await newStoreUser(["acme", "orion"]);
    const acme = await storeLogin("ACME", user.username, "staff123");
    const orion = await storeLogin("ORION", user.username, "staff123");
    const spare = await storeLogin("ACME", user.username, "staff123");
    await expectWorking(AT.acme, acme);
    await expectWorking(AT.orion, orion);
    const admin = await adminLogin();
    const res = await send("POST", `/api/v1/admin/users/${user.id}/deactivate`, admin.access_token);
    expect(res.status).toBe(200);
    expect((await res.json()).is_active).toBe(false);
    await expectRevoked(AT.acme, acme);
    await expectRevoked(AT.orion, orion);
    const login = () =>
      postJson("/api/v1/store/auth/login", {
        email_or_username: user.username,
        password: "staff123",
        store_code: "ACME",
      });
    expect((await login()).status).toBe(401);

    expect((await send("POST", `/api/v1/admin/users/${user.id}/reactivate`, admin.access_token)).status).toBe(
      200,
    );
    // The spare session never presented anything while deactivated; it stays ended all the same.
    await expectRevoked(AT.acme, spare);
    await expectRevoked(AT.acme, acme);
    expect((await login()).status).toBe(200);
  });

  it("ends another admin's sessions", async () => {
    const username = `revoke_admin_${tag()}`;
    const [row] = await testSql()`insert into users (username, email, password_hash, role)
      select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin' returning id`;
    const theirs = await adminLogin(username, "admin123");
    await expectWorking(AT.admin, theirs);
    const mine = await adminLogin();
    expect((await send("POST", `/api/v1/admin/users/${row!.id}/deactivate`, mine.access_token)).status).toBe(
      200,
    );
    await expectRevoked(AT.admin, theirs);
    await expectWorking(AT.admin, mine);
  });
});
