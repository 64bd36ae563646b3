// Store staff sign-in and the store guard against real PostgreSQL: per-store sessions,
// cross-store and cross-area refusals, suspended stores, removed members (checklist S7, S8,
// S11, S12, S14).
import { afterAll, describe, expect, it } from "vitest";
import { adminLogin, get, parseSetCookies, postJson, send, storeLogin } from "../support/http";
import { mint } from "../support/tokens";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const LOGIN = "/api/v1/store/auth/login";

async function storeId(slug: string): Promise<string> {
  const [row] = await testSql()`select id from stores where slug = ${slug}`;
  return row!.id as string;
}

describe("store login", () => {
  it("logs the owner in to ACME with the store, role and a cookie scoped to /store/acme", async () => {
    const res = await postJson(LOGIN, {
      email_or_username: "store_owner",
      password: "store123",
      store_code: "ACME",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      token_type: "Bearer",
      store: { code: "ACME", slug: "acme" },
      store_role: "owner",
    });
    expect(body.user).toMatchObject({ username: "store_owner", role: "store" });
    const cookie = parseSetCookies(res).find((c) => c.name === "store_token");
    expect(cookie?.attrs).toMatchObject({
      path: "/store/acme",
      httponly: true,
      samesite: "Lax",
      "max-age": "1800",
    });
    const refresh = parseSetCookies(res).find((c) => c.name === "store_refresh");
    expect(refresh?.attrs.path).toBe("/store/acme");
  });

  it("gives one person two independent sessions in two stores", async () => {
    const acme = await storeLogin("acme", "owner@orion.test", "store123");
    const orion = await storeLogin("ORION", "store_owner", "store123");
    expect(acme.store.slug).toBe("acme");
    expect(orion.store.slug).toBe("orion");
    await send("POST", "/api/v1/store/auth/logout", acme.access_token);
    expect((await send("GET", "/api/v1/store/acme/auth/me", acme.access_token)).status).toBe(401);
    expect((await send("GET", "/api/v1/store/orion/auth/me", orion.access_token)).status).toBe(200);
  });

  it("answers an admin's right password with the same 401 as a wrong one, at a store and at an unknown store", async () => {
    const attempts = await Promise.all([
      postJson(LOGIN, { email_or_username: "admin", password: "admin123", store_code: "ACME" }),
      postJson(LOGIN, {
        email_or_username: "admin@orion.test",
        password: "admin123",
        store_code: "NO-SUCH-STORE",
      }),
      postJson(LOGIN, { email_or_username: "admin", password: "not the password", store_code: "ACME" }),
      postJson(LOGIN, {
        email_or_username: "admin",
        password: "not the password",
        store_code: "NO-SUCH-STORE",
      }),
    ]);
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const bodies = await Promise.all(attempts.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain("admin console");
  });

  it("tells admins where they sign in on the page itself, before any password", async () => {
    const page = await get("/store/acme/login");
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Platform admins sign in to the.*admin console/);
  });

  it("refuses a non-member, a wrong password and an unknown store with the same 401 body", async () => {
    const attempts = await Promise.all([
      postJson(LOGIN, { email_or_username: "acme_staff", password: "staff123", store_code: "ORION" }),
      postJson(LOGIN, { email_or_username: "acme_staff", password: "wrong-password", store_code: "ACME" }),
      postJson(LOGIN, { email_or_username: "acme_staff", password: "staff123", store_code: "NOPE" }),
      postJson(LOGIN, { email_or_username: "admin", password: "wrong-password", store_code: "ACME" }),
    ]);
    const bodies = await Promise.all(attempts.map((r) => r.text()));
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
  });

  it("requires the store code", async () => {
    const res = await postJson(LOGIN, { email_or_username: "store_owner", password: "store123" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toEqual([
      { field: "store_code", message: "Store code is required" },
    ]);
  });
  // Refresh rotation and the cookie's Path at the store: area-sessions.test.ts, for every area.
});

describe("store guard", () => {
  it("answers me for the member's own store", async () => {
    const login = await storeLogin("ACME", "acme_staff", "staff123");
    const res = await send("GET", "/api/v1/store/acme/auth/me", login.access_token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      store: { slug: "acme" },
      store_role: "staff",
      user: { username: "acme_staff" },
    });
  });

  it("refuses an ACME staff token at ORION with 403", async () => {
    const login = await storeLogin("ACME", "acme_staff", "staff123");
    for (const path of ["/api/v1/store/orion/auth/me", "/api/v1/store/orion/products"]) {
      const res = await send("GET", path, login.access_token);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("INSUFFICIENT_PERMISSIONS");
    }
  });

  it("refuses an ACME session of the owner at ORION, even though the owner belongs to both", async () => {
    const login = await storeLogin("ACME", "store_owner", "store123");
    expect((await send("GET", "/api/v1/store/orion/products", login.access_token)).status).toBe(403);
  });

  it("refuses an admin token and a customer token with 403 (the seed's curl example)", async () => {
    const admin = await adminLogin();
    const res = await send("GET", "/api/v1/store/acme/products", admin.access_token);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("INSUFFICIENT_PERMISSIONS");
    const customer = await mint({
      payload: { type: "customer", role: undefined, aud: "orion:customer", store_id: await storeId("acme") },
    });
    expect((await send("GET", "/api/v1/store/acme/products", customer)).status).toBe(403);
  });

  it("refuses a store token whose store_id was altered or re-minted for another store", async () => {
    const login = await storeLogin("ACME", "acme_staff", "staff123");
    const [h, p, s] = login.access_token.split(".");
    const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, store_id: await storeId("orion") })).toString("base64url")}.${s}`;
    expect((await send("GET", "/api/v1/store/orion/products", forged)).status).toBe(401);
    const reminted = await mint({ payload: { ...payload, store_id: await storeId("orion") } });
    expect((await send("GET", "/api/v1/store/orion/products", reminted)).status).toBe(401);
    expect((await send("GET", "/api/v1/store/acme/products", reminted)).status).toBe(401);
  });

  it("answers 401 without a token and ignores the store cookie on the API", async () => {
    const login = await storeLogin("ACME", "acme_staff", "staff123");
    const res = await get("/api/v1/store/acme/products", { cookie: `store_token=${login.access_token}` });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("redirects an upper-case slug to the lower-case one with 308", async () => {
    const login = await storeLogin("ACME", "acme_staff", "staff123");
    const api = await send("GET", "/api/v1/store/ACME/products?page=2", login.access_token);
    expect(api.status).toBe(308);
    expect(api.headers.get("location")).toBe("/api/v1/store/acme/products?page=2");
    const page = await get("/store/ACME/products?q=x");
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toBe("/store/acme/products?q=x");
  });

  it("refuses a removed member's existing token at the next request", async () => {
    const sql = testSql();
    const acme = await storeId("acme");
    const [temp] = await sql`insert into users (username, email, password_hash, role)
      select 'temp_staff_' || floor(random()*1e9)::text, 'temp' || floor(random()*1e9)::text || '@acme.test', password_hash, 'store'
      from users where username = 'acme_staff' returning id, username`;
    await sql`insert into store_members (store_id, user_id, role) values (${acme}, ${temp!.id}, 'staff')`;
    const member = await storeLogin("ACME", temp!.username, "staff123");
    expect((await send("GET", "/api/v1/store/acme/products", member.access_token)).status).toBe(200);
    const owner = await storeLogin("ACME", "store_owner", "store123");
    expect((await send("DELETE", `/api/v1/store/acme/team/${temp!.id}`, owner.access_token)).status).toBe(
      204,
    );
    expect((await send("GET", "/api/v1/store/acme/products", member.access_token)).status).toBe(401);
    const [session] = await sql`select revoked_reason from sessions where user_id = ${temp!.id}`;
    expect(session?.revoked_reason).toBe("member_removed");
    const [event] =
      await sql`select count(*)::int as n from auth_events where type = 'member_removed' and store_id = ${acme}`;
    expect(event?.n).toBeGreaterThan(0);
  });
});

describe("suspended store", () => {
  it("answers 503 to its API and pages, refuses its staff's login, and comes back on reactivation", async () => {
    const admin = await adminLogin();
    const acme = await storeId("acme");
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    const suspend = await send("POST", `/api/v1/admin/stores/${acme}/suspend`, admin.access_token);
    expect(suspend.status).toBe(200);
    try {
      const api = await send("GET", "/api/v1/store/acme/auth/me", staff.access_token);
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe("STORE_UNAVAILABLE");
      const login = await postJson(LOGIN, {
        email_or_username: "acme_staff",
        password: "staff123",
        store_code: "ACME",
      });
      expect(login.status).toBe(503);
      const page = await get("/store/acme/login");
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("currently unavailable");
      const [event] =
        await testSql()`select count(*)::int as n from auth_events where type = 'store_suspended' and store_id = ${acme}`;
      expect(event?.n).toBeGreaterThan(0);
    } finally {
      expect((await send("POST", `/api/v1/admin/stores/${acme}/reactivate`, admin.access_token)).status).toBe(
        200,
      );
    }
    expect((await send("GET", "/api/v1/store/acme/auth/me", staff.access_token)).status).toBe(200);
    expect((await get("/store/acme/login")).status).toBe(200);
  });
});

describe("store pages", () => {
  it("sends an anonymous visitor to the store's login with next", async () => {
    const res = await get("/store/acme/products");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/store/acme/login?next=%2Fstore%2Facme%2Fproducts");
  });

  it("shows the dashboard to a member, the 403 page to another store's member and to an admin", async () => {
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    const own = await get("/store/acme", { cookie: `store_token=${staff.access_token}` });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Dashboard");
    const other = await get("/store/orion", { cookie: `store_token=${staff.access_token}` });
    expect(other.status).toBe(403);
    const admin = await adminLogin();
    const asAdmin = await get("/store/acme", { cookie: `store_token=${admin.access_token}` });
    expect(asAdmin.status).toBe(403);
  });

  it("shows staff the 403 page on team management", async () => {
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    const res = await get("/store/acme/team", { cookie: `store_token=${staff.access_token}` });
    expect(res.status).toBe(403);
  });

  it("answers 404 for an unknown store and never treats /storefront as the store area", async () => {
    expect((await get("/store/no-such-store/login")).status).toBe(404);
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    const res = await get("/storefront/acme", { cookie: `store_token=${staff.access_token}` });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Welcome to ACME Supplies");
    expect(html).not.toContain("Sign out");
    const account = await get("/storefront/acme/account", { cookie: `store_token=${staff.access_token}` });
    expect(account.status).toBe(307);
    expect(account.headers.get("location")).toBe(
      "/storefront/acme/account/login?next=%2Fstorefront%2Facme%2Faccount",
    );
  });
});
