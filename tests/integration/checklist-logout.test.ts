// Logout clears the cookies it set (checklist S21, README › Tokens, cookies and sessions): in every area and every way a
// storefront is reached, the sign-out answer deletes the access and the refresh cookie with
// the Path, HttpOnly and SameSite of the sign-in answer's cookies and Max-Age=0, and touches
// no other cookie. It sends no Clear-Site-Data "cookies" or "storage": path-based storefronts
// share the platform's origin with the admin console and the dashboards, and those directives
// would end every other area's session in that browser. Form sign-out: e2e/client-storage.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { baseUrl, parseSetCookies, rawRequest } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const port = () => new URL(baseUrl()).port;
const PASSWORD = "amber canal ferry lantern";

type Case = {
  name: string;
  area: "admin" | "store" | "customer";
  host?: () => string;
  login: string;
  logout: string;
  body: () => Promise<Record<string, unknown>>;
  path: string;
};

async function newShopperEmail(): Promise<string> {
  const email = `logout-${randomBytes(4).toString("hex")}@example.com`;
  const res = await rawRequest(baseUrl(), "/api/v1/storefront/orion/auth/register", {
    body: { first_name: "Lou", last_name: "Gout", email, password: PASSWORD, marketing_consent: false },
  });
  expect(res.status).toBe(201);
  return email;
}

const shopper = async () => ({ email_or_username: await newShopperEmail(), password: PASSWORD });

const CASES: Case[] = [
  {
    name: "admin",
    area: "admin",
    login: "/api/v1/admin/auth/login",
    logout: "/api/v1/admin/auth/logout",
    body: async () => ({ email_or_username: "admin", password: "admin123" }),
    path: "/admin",
  },
  {
    name: "store (ACME)",
    area: "store",
    login: "/api/v1/store/auth/login",
    logout: "/api/v1/store/auth/logout",
    body: async () => ({ email_or_username: "acme_staff", password: "staff123", store_code: "ACME" }),
    path: "/store/acme",
  },
  {
    name: "storefront by path",
    area: "customer",
    login: "/api/v1/storefront/orion/auth/login",
    logout: "/api/v1/storefront/orion/auth/logout",
    body: shopper,
    path: "/storefront/orion",
  },
  {
    name: "storefront on its subdomain",
    area: "customer",
    host: () => `orion.localhost:${port()}`,
    login: "/api/v1/storefront/auth/login",
    logout: "/api/v1/storefront/auth/logout",
    body: shopper,
    path: "/storefront",
  },
  {
    name: "storefront on its custom domain",
    area: "customer",
    host: () => `orion.lu:${port()}`,
    login: "/api/v1/storefront/auth/login",
    logout: "/api/v1/storefront/auth/logout",
    body: shopper,
    path: "/storefront",
  },
];

describe("signing out by the API deletes the cookies of the sign-in (S21)", () => {
  for (const c of CASES) {
    it(`${c.name}: both cookies, Path ${c.path}, Max-Age=0, nothing else`, async () => {
      const host = c.host?.();
      const login = await rawRequest(baseUrl(), c.login, { host, body: await c.body() });
      expect(login.status).toBe(200);
      const { access_token } = (await login.json()) as { access_token: string };
      const set = parseSetCookies(login);
      const names = [`${c.area}_token`, `${c.area}_refresh`];
      for (const name of names) {
        expect(set.find((k) => k.name === name)?.attrs.path, `sign-in ${name}`).toBe(c.path);
      }

      const out = await rawRequest(baseUrl(), c.logout, {
        host,
        token: access_token,
        method: "POST",
        body: {},
      });
      expect(out.status).toBe(200);
      const cleared = parseSetCookies(out);
      expect(cleared.map((k) => k.name).sort()).toEqual([...names].sort());
      for (const k of cleared) {
        expect(k.value, k.name).toBe("");
        expect(k.attrs, k.name).toMatchObject({
          path: c.path,
          "max-age": "0",
          httponly: true,
          samesite: "Lax",
        });
        expect(k.attrs.domain, k.name).toBeUndefined();
      }
      const clearSiteData = out.headers.get("clear-site-data") ?? "";
      expect(clearSiteData).not.toMatch(/cookies|storage|\*/);
      // The session is over: the same token is refused.
      const me = await rawRequest(baseUrl(), c.logout, {
        host,
        token: access_token,
        method: "POST",
        body: {},
      });
      expect(me.status).toBe(401);
    });
  }
});
