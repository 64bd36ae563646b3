// A session's life by the API, over the rows of the area table: the token is taken as Bearer
// only, logout revokes the session and deletes the cookies with the row's Path, a refresh
// rotates the refresh token and sets the cookie at that Path. Each row names only what the
// area's API and seed differ in; names and paths of the cookies are the table's. A spent
// refresh token and concurrent refreshes, per area: checklist-session-lifetimes.test.ts.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { AREAS, type AreaName, type CookieScope } from "@/lib/auth/areas";
import { adminLogin, bearer, get, parseSetCookies, postJson, storeLogin } from "../support/http";
import { decodePart } from "../support/tokens";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

type Tokens = { access_token: string; refresh_token: string };

type Row = {
  area: AreaName;
  scope: CookieScope;
  login: () => Promise<Tokens>;
  me: string;
  refresh: string;
  logout: string;
};

const SHOPPER_PASSWORD = "amber canal ferry lantern";

async function newShopper(): Promise<Tokens> {
  const email = `sessions-${randomBytes(4).toString("hex")}@example.com`;
  const registered = await postJson("/api/v1/storefront/orion/auth/register", {
    first_name: "Sam",
    last_name: "Sessions",
    email,
    password: SHOPPER_PASSWORD,
    marketing_consent: false,
  });
  expect(registered.status).toBe(201);
  const res = await postJson("/api/v1/storefront/orion/auth/login", {
    email_or_username: email,
    password: SHOPPER_PASSWORD,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Tokens;
}

const ROWS: Row[] = [
  {
    area: "admin",
    scope: {},
    login: () => adminLogin(),
    me: "/api/v1/admin/auth/me",
    refresh: "/api/v1/admin/auth/refresh",
    logout: "/api/v1/admin/auth/logout",
  },
  {
    area: "store",
    scope: { slug: "acme" },
    login: () => storeLogin("ACME", "acme_staff", "staff123"),
    me: "/api/v1/store/acme/auth/me",
    refresh: "/api/v1/store/auth/refresh",
    logout: "/api/v1/store/auth/logout",
  },
  {
    area: "customer",
    scope: { slug: "orion", method: "path" },
    login: newShopper,
    me: "/api/v1/storefront/orion/auth/me",
    refresh: "/api/v1/storefront/orion/auth/refresh",
    logout: "/api/v1/storefront/orion/auth/logout",
  },
];

/** The session id of an access token (its `sid` claim). */
const sessionOf = (accessToken: string) => String(decodePart(accessToken, 1).sid);

describe.each(ROWS.map((row) => [row.area, row] as const))("the %s area's sessions by the API", (_, row) => {
  const def = AREAS[row.area];
  const path = def.cookiePath(row.scope);

  it("ignores the area's cookie on the API: Bearer only", async () => {
    const login = await row.login();
    const res = await get(row.me, { cookie: `${def.accessCookie}=${login.access_token}` });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get(row.me, bearer(login.access_token))).status).toBe(200);
  });

  it("refuses a token in the query string", async () => {
    const login = await row.login();
    expect((await get(`${row.me}?access_token=${login.access_token}`)).status).toBe(401);
    expect((await get(`${row.me}?token=${login.access_token}`)).status).toBe(401);
  });

  it("revokes the session on logout: the same token is refused and the cookies are deleted with their Path", async () => {
    const login = await row.login();
    const res = await postJson(row.logout, {}, bearer(login.access_token));
    expect(res.status).toBe(200);
    const cleared = parseSetCookies(res);
    for (const name of [def.accessCookie, def.refreshCookie]) {
      const c = cleared.find((x) => x.name === name);
      expect(c?.value).toBe("");
      expect(c?.attrs).toMatchObject({ path, "max-age": "0", httponly: true });
    }
    const after = await get(row.me, bearer(login.access_token));
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("INVALID_TOKEN");
    const refresh = await postJson(row.refresh, { refresh_token: login.refresh_token });
    expect(refresh.status).toBe(401);
    const [session] =
      await testSql()`select revoked_reason from sessions where id = ${sessionOf(login.access_token)}`;
    expect(session?.revoked_reason).toBe("logout");
    const [event] = await testSql()`select area from auth_events
      where type = 'logout' and session_id = ${sessionOf(login.access_token)}`;
    expect(event?.area).toBe(row.area);
  });

  it("rotates the refresh token on every use and sets the access cookie at the area's Path", async () => {
    const login = await row.login();
    const res = await postJson(row.refresh, { refresh_token: login.refresh_token });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.refresh_token).not.toBe(login.refresh_token);
    expect(body.access_token).not.toBe(login.access_token);
    expect((await get(row.me, bearer(body.access_token))).status).toBe(200);
    const cookie = parseSetCookies(res).find((c) => c.name === def.accessCookie);
    expect(cookie?.attrs.path).toBe(path);
  });

  it("refuses an access token at the refresh endpoint and a refresh token as Bearer", async () => {
    const login = await row.login();
    expect((await postJson(row.refresh, { refresh_token: login.access_token })).status).toBe(401);
    expect((await get(row.me, bearer(login.refresh_token))).status).toBe(401);
  });
});
