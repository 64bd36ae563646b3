// Pages renew the access token from the refresh cookie (README › Tokens, cookies and sessions; issue: "a user active in the
// dashboard is not thrown out at minute 30"), in every area and access form; a spent or
// revoked refresh cookie still leads to the login page.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type LoginAnswer, baseUrl, parseSetCookies, postJson, rawRequest, send } from "../support/http";
import { mint } from "../support/tokens";
import { AREAS, type CookieScope } from "@/lib/auth/areas";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const port = () => new URL(baseUrl()).port;
const page = (
  path: string,
  cookie: string,
  host?: string,
  client: { userAgent?: string; localAddress?: string } = {},
) =>
  rawRequest(baseUrl(), path, {
    cookie,
    host,
    headers: client.userAgent ? { "user-agent": client.userAgent } : {},
    localAddress: client.localAddress,
  });

async function newAdmin(): Promise<LoginAnswer> {
  const username = `renew_${randomBytes(4).toString("hex")}`;
  await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  const res = await postJson("/api/v1/admin/auth/login", {
    email_or_username: username,
    password: "admin123",
  });
  return (await res.json()) as LoginAnswer;
}

function renewed(res: Response, area: "admin" | "store" | "customer") {
  const cookies = parseSetCookies(res);
  return {
    access: cookies.find((c) => c.name === `${area}_token`),
    refresh: cookies.find((c) => c.name === `${area}_refresh`),
  };
}

/** Each area's page, reached as its users reach it; the cookies' names and Path are the table's. */
type Row = {
  name: string;
  area: "admin" | "store" | "customer";
  scope: CookieScope;
  host?: () => string;
  login: () => Promise<LoginAnswer>;
  page: string;
  /** What the renewed page shows of the principal, where the page names them. */
  shows: (login: LoginAnswer) => string | null;
  me: string;
  logout: string;
};

async function apiLogin(path: string, body: Record<string, string>, host?: string): Promise<LoginAnswer> {
  const res = await rawRequest(baseUrl(), path, { host, body });
  expect(res.status).toBe(200);
  return (await res.json()) as LoginAnswer;
}

const shopHost = () => `orion.lu:${port()}`;

const ROWS: Row[] = [
  {
    name: "admin console",
    area: "admin",
    scope: {},
    login: newAdmin,
    page: "/admin",
    shows: (login) => login.user.username,
    me: "/api/v1/admin/auth/me",
    logout: "/api/v1/admin/auth/logout",
  },
  {
    name: "store dashboard",
    area: "store",
    scope: { slug: "acme" },
    login: () =>
      apiLogin("/api/v1/store/auth/login", {
        email_or_username: "acme_staff",
        password: "staff123",
        store_code: "ACME",
      }),
    page: "/store/acme/products",
    shows: () => null,
    me: "/api/v1/store/acme/auth/me",
    logout: "/api/v1/store/auth/logout",
  },
  {
    name: "storefront on the store's own domain",
    area: "customer",
    scope: { slug: "orion", method: "domain" },
    host: shopHost,
    login: () =>
      apiLogin(
        "/api/v1/storefront/auth/login",
        { email_or_username: "customer@example.com", password: "customer123" },
        shopHost(),
      ),
    page: "/storefront/account",
    shows: () => "customer@example.com",
    me: "/api/v1/storefront/auth/me",
    logout: "/api/v1/storefront/auth/logout",
  },
];

describe.each(ROWS.map((row) => [row.name, row] as const))(
  "%s pages renew from the refresh cookie",
  (_, row) => {
    const def = AREAS[row.area];
    const path = def.cookiePath(row.scope);
    const api = (route: string, token: string, method = "GET") =>
      rawRequest(baseUrl(), route, {
        method,
        host: row.host?.(),
        token,
        body: method === "POST" ? {} : undefined,
      });

    it("serves the page and sets a new access token and a rotated refresh token when the access cookie is gone", async () => {
      const login = await row.login();
      const res = await page(row.page, `${def.refreshCookie}=${login.refresh_token}`, row.host?.());
      expect(res.status).toBe(200);
      const shown = row.shows(login);
      if (shown) expect(await res.text()).toContain(shown);
      const { access, refresh } = renewed(res, row.area);
      expect(access?.value).toMatch(/^eyJ/);
      expect(access?.attrs).toMatchObject({
        path,
        httponly: true,
        samesite: "Lax",
        "max-age": "1800",
      });
      expect(refresh?.value).toBeTruthy();
      expect(refresh?.value).not.toBe(login.refresh_token);
      expect(refresh?.attrs).toMatchObject({ path, httponly: true });
      // The new access token is a working one.
      expect((await api(row.me, access!.value)).status).toBe(200);
    });

    it("sends a logged-out session's refresh cookie to the login page", async () => {
      const login = await row.login();
      expect((await api(row.logout, login.access_token, "POST")).status).toBe(200);
      const res = await page(row.page, `${def.refreshCookie}=${login.refresh_token}`, row.host?.());
      expect(res.status).toBe(307);
      expect(res.headers.get("location")?.startsWith(def.loginPath(row.scope))).toBe(true);
      // Nothing is issued; both cookies are deleted.
      const { access, refresh } = renewed(res, row.area);
      expect(access).toMatchObject({ value: "", attrs: { "max-age": "0" } });
      expect(refresh).toMatchObject({ value: "", attrs: { "max-age": "0" } });
    });
  },
);

describe("admin pages: renewal under concurrency and reuse", () => {
  it("renews past an expired access token too", async () => {
    const login = await newAdmin();
    const expired = await mint({
      payload: { sub: login.user.id, email: login.user.email, iat: Math.floor(Date.now() / 1000) - 3600 },
      expiresIn: -1800,
    });
    const res = await page("/admin/stores", `admin_token=${expired}; admin_refresh=${login.refresh_token}`);
    expect(res.status).toBe(200);
    expect(renewed(res, "admin").access?.value).not.toBe(expired);
  });

  it("gives requests sent together with one refresh cookie each a page, and keeps the session", async () => {
    const login = await newAdmin();
    const results = await Promise.all(
      [0, 1, 2].map(() => page("/admin", `admin_refresh=${login.refresh_token}`)),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const rotated = results.map((r) => renewed(r, "admin").refresh).filter(Boolean);
    expect(rotated).toHaveLength(1);
    for (const r of results) expect(renewed(r, "admin").access?.value).toMatch(/^eyJ/);
    const next = await postJson("/api/v1/admin/auth/refresh", { refresh_token: rotated[0]!.value });
    expect(next.status).toBe(200);
  });

  it("treats a replay after the grace moment as reuse: the session ends and the page goes to login", async () => {
    const login = await newAdmin();
    const first = await page("/admin", `admin_refresh=${login.refresh_token}`);
    const newest = renewed(first, "admin").refresh!.value;
    await testSql()`update refresh_tokens set used_at = now() - interval '1 minute' where used_at is not null
      and session_id = (select session_id from refresh_tokens where used_at is null and expires_at > now()
        and session_id in (select id from sessions where user_id = ${login.user.id}) limit 1)`;
    const replay = await page("/admin/users", `admin_refresh=${login.refresh_token}`);
    expect(replay.status).toBe(307);
    expect(replay.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fusers");
    const cleared = renewed(replay, "admin").refresh;
    expect(cleared?.attrs).toMatchObject({ path: "/admin", "max-age": "0" });
    expect((await postJson("/api/v1/admin/auth/refresh", { refresh_token: newest })).status).toBe(401);
    const [session] = await testSql()`select revoked_reason from sessions where user_id = ${login.user.id}`;
    expect(session!.revoked_reason).toBe("refresh_token_reused");
  });

  for (const [other, thief] of [
    ["user agent", { userAgent: "Thief/1.0", localAddress: "127.0.0.1" }],
    ["IP address", { userAgent: "Firefox/140.0", localAddress: "127.0.0.77" }],
  ] as const) {
    it(`treats the rotated cookie from another ${other} within the grace moment as reuse: the session ends`, async () => {
      const login = await newAdmin();
      const browser = { userAgent: "Firefox/140.0", localAddress: "127.0.0.1" };
      const first = await page("/admin", `admin_refresh=${login.refresh_token}`, undefined, browser);
      expect(first.status).toBe(200);
      const { access, refresh } = renewed(first, "admin");
      // At once, from elsewhere: no page, no token, and the whole session is over.
      const replay = await page("/admin/users", `admin_refresh=${login.refresh_token}`, undefined, thief);
      expect(replay.status).toBe(307);
      expect(replay.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fusers");
      expect(renewed(replay, "admin").access?.value).toBe("");
      const [session] = await testSql()`select revoked_reason from sessions where user_id = ${login.user.id}`;
      expect(session!.revoked_reason).toBe("refresh_token_reused");
      // The browser that renewed has to sign in again too: its new tokens are the session's.
      expect((await send("GET", "/api/v1/admin/auth/me", access!.value)).status).toBe(401);
      expect((await page("/admin", `admin_refresh=${refresh!.value}`, undefined, browser)).status).toBe(307);
    });
  }

  it("still gives the same browser's request a moment later a page", async () => {
    const login = await newAdmin();
    const browser = { userAgent: "Firefox/140.0", localAddress: "127.0.0.1" };
    const first = await page("/admin", `admin_refresh=${login.refresh_token}`, undefined, browser);
    const sibling = await page("/admin/users", `admin_refresh=${login.refresh_token}`, undefined, browser);
    expect([first.status, sibling.status]).toEqual([200, 200]);
    expect(renewed(sibling, "admin").refresh).toBeUndefined();
    expect((await send("GET", "/api/v1/admin/auth/me", renewed(sibling, "admin").access!.value)).status).toBe(
      200,
    );
    expect(
      (
        await postJson("/api/v1/admin/auth/refresh", {
          refresh_token: renewed(first, "admin").refresh!.value,
        })
      ).status,
    ).toBe(200);
  });
});

describe("only a safe method renews", () => {
  it("renews on HEAD as on GET", async () => {
    const login = await newAdmin();
    const res = await rawRequest(baseUrl(), "/admin", {
      method: "HEAD",
      cookie: `admin_refresh=${login.refresh_token}`,
    });
    expect(res.status).toBe(200);
    const { access, refresh } = renewed(res, "admin");
    expect((await send("GET", "/api/v1/admin/auth/me", access!.value)).status).toBe(200);
    expect(refresh?.value).not.toBe(login.refresh_token);
  });

  it("sends a form post with an expired access token to the login page and leaves its refresh cookie untried", async () => {
    const login = await newAdmin();
    const expired = await mint({
      payload: { sub: login.user.id, email: login.user.email, iat: Math.floor(Date.now() / 1000) - 3600 },
      expiresIn: -1800,
    });
    const cookie = `admin_token=${expired}; admin_refresh=${login.refresh_token}`;
    const post = await rawRequest(baseUrl(), "/admin/stores", {
      method: "POST",
      cookie,
      headers: { origin: new URL(baseUrl()).origin, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fstores");
    // No cookie is written or deleted by the post.
    expect(parseSetCookies(post).filter((c) => c.name.startsWith("admin_"))).toEqual([]);
    const [row] = await testSql()<{ refreshed: number }[]>`
      select count(*)::int as refreshed from auth_events
      where type = 'token_refreshed' and user_id = ${login.user.id}`;
    expect(row?.refreshed).toBe(0);
    // The same refresh cookie still renews the page the browser goes to next.
    const next = await page("/admin/stores", cookie);
    expect(next.status).toBe(200);
    expect(renewed(next, "admin").refresh?.value).not.toBe(login.refresh_token);
  });
});

describe("a shopper's renewal is bound to the store", () => {
  it("does not renew a shopper of one store at another", async () => {
    const res = await postJson("/api/v1/storefront/acme/auth/login", {
      email_or_username: "customer@example.com",
      password: "customer456",
    });
    const login = (await res.json()) as LoginAnswer;
    const other = await page("/storefront/orion/account", `customer_refresh=${login.refresh_token}`);
    expect(other.status).toBe(307);
    expect(other.headers.get("location")).toMatch(/^\/storefront\/orion\/account\/login/);
  });
});
