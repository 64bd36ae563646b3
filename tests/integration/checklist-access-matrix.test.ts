// The context × token matrix (checklist S11, docs/architecture.md › Request flow), every cell: no token, an admin, ACME's
// staff, the owner of both stores signed in at ACME, a shopper of ACME and a shopper of ORION,
// against the admin API, the store API of ACME and of ORION and the storefront API of each,
// and against the pages of the same areas. The API takes Bearer only (a token in the area's
// cookie is no credential there); pages take the area's cookie or Bearer. Own area: 200 with
// the principal's own data; no token: 401 INVALID_TOKEN (pages: the area's login); a sound
// token of another area or store: 403 with the area's code (pages: the 403 page).
import { describe, expect, it } from "vitest";
import { baseUrl, postJson, rawRequest } from "../support/http";

type Principal = "none" | "admin" | "acmeStaff" | "ownerAtAcme" | "acmeShopper" | "orionShopper";
/** `shows`: in the API's answer; `page`: the page's own mark of whom it shows. */
type Signed = { token: string; shows: string; page: RegExp; cookie: string };

async function signIn(
  path: string,
  body: Record<string, unknown>,
  cookie: string,
  shows: string,
  page: RegExp,
): Promise<Signed> {
  const res = await postJson(path, body);
  expect(res.status, path).toBe(200);
  return { token: (await res.json()).access_token as string, shows, page, cookie };
}

async function principals(): Promise<Record<Exclude<Principal, "none">, Signed>> {
  return {
    admin: await signIn(
      "/api/v1/admin/auth/login",
      { email_or_username: "admin", password: "admin123" },
      "admin_token",
      "admin@orion.test",
      /data-testid="signed-in-as"[^>]*>\s*admin\s*</,
    ),
    acmeStaff: await signIn(
      "/api/v1/store/auth/login",
      { email_or_username: "acme_staff", password: "staff123", store_code: "ACME" },
      "store_token",
      "staff@acme.test",
      /data-testid="signed-in-as"[^>]*>\s*acme_staff\s*</,
    ),
    ownerAtAcme: await signIn(
      "/api/v1/store/auth/login",
      { email_or_username: "store_owner", password: "store123", store_code: "ACME" },
      "store_token",
      "owner@orion.test",
      /data-testid="signed-in-as"[^>]*>\s*store_owner\s*</,
    ),
    acmeShopper: await signIn(
      "/api/v1/storefront/acme/auth/login",
      { email_or_username: "customer@example.com", password: "customer456" },
      "customer_token",
      "ACME-",
      /data-testid="customer-number">ACME-\d+</,
    ),
    orionShopper: await signIn(
      "/api/v1/storefront/orion/auth/login",
      { email_or_username: "customer@example.com", password: "customer123" },
      "customer_token",
      "ORION-",
      /data-testid="customer-number">ORION-\d+</,
    ),
  };
}

const API = {
  "admin API": { path: "/api/v1/admin/auth/me", cookie: "admin_token" },
  "ACME store API": { path: "/api/v1/store/acme/auth/me", cookie: "store_token" },
  "ORION store API": { path: "/api/v1/store/orion/auth/me", cookie: "store_token" },
  "ACME storefront API": { path: "/api/v1/storefront/acme/account", cookie: "customer_token" },
  "ORION storefront API": { path: "/api/v1/storefront/orion/account", cookie: "customer_token" },
} as const;
type ApiTarget = keyof typeof API;

const PAGES = {
  "admin console": { path: "/admin", cookie: "admin_token" },
  "ACME dashboard": { path: "/store/acme", cookie: "store_token" },
  "ORION dashboard": { path: "/store/orion", cookie: "store_token" },
  "ACME account": { path: "/storefront/acme/account", cookie: "customer_token" },
  "ORION account": { path: "/storefront/orion/account", cookie: "customer_token" },
} as const;
type PageTarget = keyof typeof PAGES;

const OK = "200";
const NO_TOKEN = "401 INVALID_TOKEN";
const ADMIN_ONLY = "403 ADMIN_REQUIRED";
const NOT_YOURS = "403 INSUFFICIENT_PERMISSIONS";

/** The access matrix, cell by cell, for Bearer on the API. */
const API_MATRIX: Record<Principal, Record<ApiTarget, string>> = {
  none: {
    "admin API": NO_TOKEN,
    "ACME store API": NO_TOKEN,
    "ORION store API": NO_TOKEN,
    "ACME storefront API": NO_TOKEN,
    "ORION storefront API": NO_TOKEN,
  },
  admin: {
    "admin API": OK,
    "ACME store API": NOT_YOURS,
    "ORION store API": NOT_YOURS,
    "ACME storefront API": NOT_YOURS,
    "ORION storefront API": NOT_YOURS,
  },
  acmeStaff: {
    "admin API": ADMIN_ONLY,
    "ACME store API": OK,
    "ORION store API": NOT_YOURS,
    "ACME storefront API": NOT_YOURS,
    "ORION storefront API": NOT_YOURS,
  },
  ownerAtAcme: {
    "admin API": ADMIN_ONLY,
    "ACME store API": OK,
    "ORION store API": NOT_YOURS,
    "ACME storefront API": NOT_YOURS,
    "ORION storefront API": NOT_YOURS,
  },
  acmeShopper: {
    "admin API": ADMIN_ONLY,
    "ACME store API": NOT_YOURS,
    "ORION store API": NOT_YOURS,
    "ACME storefront API": OK,
    "ORION storefront API": NOT_YOURS,
  },
  orionShopper: {
    "admin API": ADMIN_ONLY,
    "ACME store API": NOT_YOURS,
    "ORION store API": NOT_YOURS,
    "ACME storefront API": NOT_YOURS,
    "ORION storefront API": OK,
  },
};

const LOGIN = "307 login";
const FORBIDDEN = "403 page";

/** The same matrix for pages, by the target area's cookie or by Bearer. */
const PAGE_MATRIX: Record<Principal, Record<PageTarget, string>> = {
  none: {
    "admin console": LOGIN,
    "ACME dashboard": LOGIN,
    "ORION dashboard": LOGIN,
    "ACME account": LOGIN,
    "ORION account": LOGIN,
  },
  admin: {
    "admin console": OK,
    "ACME dashboard": FORBIDDEN,
    "ORION dashboard": FORBIDDEN,
    "ACME account": FORBIDDEN,
    "ORION account": FORBIDDEN,
  },
  acmeStaff: {
    "admin console": FORBIDDEN,
    "ACME dashboard": OK,
    "ORION dashboard": FORBIDDEN,
    "ACME account": FORBIDDEN,
    "ORION account": FORBIDDEN,
  },
  ownerAtAcme: {
    "admin console": FORBIDDEN,
    "ACME dashboard": OK,
    "ORION dashboard": FORBIDDEN,
    "ACME account": FORBIDDEN,
    "ORION account": FORBIDDEN,
  },
  acmeShopper: {
    "admin console": FORBIDDEN,
    "ACME dashboard": FORBIDDEN,
    "ORION dashboard": FORBIDDEN,
    "ACME account": OK,
    "ORION account": FORBIDDEN,
  },
  orionShopper: {
    "admin console": FORBIDDEN,
    "ACME dashboard": FORBIDDEN,
    "ORION dashboard": FORBIDDEN,
    "ACME account": FORBIDDEN,
    "ORION account": OK,
  },
};

/** What a request answered, in the matrix's words; a 200 counts only with the principal's own data. */
async function apiCell(res: Response, signed: Signed | null): Promise<string> {
  const text = await res.text();
  if (res.status === 200) return signed && text.includes(signed.shows) ? OK : `200 without ${signed?.shows}`;
  const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  if (res.status === 401 && !/^Bearer/.test(res.headers.get("www-authenticate") ?? ""))
    return "401 without WWW-Authenticate";
  return `${res.status} ${code}`;
}

async function pageCell(res: Response, signed: Signed | null, path: string): Promise<string> {
  const text = await res.text();
  if (res.status === 200) return signed && signed.page.test(text) ? OK : `200 without ${signed?.page}`;
  if (res.status === 307) {
    const location = res.headers.get("location") ?? "";
    return location.startsWith(`${path}/login?next=`) ? LOGIN : `307 to ${location}`;
  }
  if (res.status === 403) return signed && signed.page.test(text) ? "403 with data" : FORBIDDEN;
  return String(res.status);
}

type Transport = "Bearer" | "the target area's cookie";

describe("the context × token matrix (S11)", () => {
  describe.each<Transport>(["Bearer", "the target area's cookie"])("by %s", (transport) => {
    it("answers every API cell as the matrix says", async () => {
      const signed = await principals();
      const actual = {} as Record<Principal, Record<ApiTarget, string>>;
      for (const who of Object.keys(API_MATRIX) as Principal[]) {
        const s = who === "none" ? null : signed[who];
        actual[who] = {} as Record<ApiTarget, string>;
        for (const [target, { path, cookie }] of Object.entries(API) as Array<
          [ApiTarget, (typeof API)[ApiTarget]]
        >) {
          const res = await rawRequest(baseUrl(), path, {
            token: s && transport === "Bearer" ? s.token : undefined,
            cookie: s && transport !== "Bearer" ? `${cookie}=${s.token}` : undefined,
          });
          actual[who][target] = await apiCell(res, s);
        }
      }
      // The API ignores cookies: by cookie, every cell is the anonymous one.
      const expected =
        transport === "Bearer"
          ? API_MATRIX
          : (Object.fromEntries(
              Object.keys(API_MATRIX).map((who) => [who, API_MATRIX.none]),
            ) as typeof API_MATRIX);
      expect(actual).toEqual(expected);
    });

    it("answers every page cell as the matrix says", async () => {
      const signed = await principals();
      const actual = {} as Record<Principal, Record<PageTarget, string>>;
      for (const who of Object.keys(PAGE_MATRIX) as Principal[]) {
        const s = who === "none" ? null : signed[who];
        actual[who] = {} as Record<PageTarget, string>;
        for (const [target, { path, cookie }] of Object.entries(PAGES) as Array<
          [PageTarget, (typeof PAGES)[PageTarget]]
        >) {
          const res = await rawRequest(baseUrl(), path, {
            token: s && transport === "Bearer" ? s.token : undefined,
            cookie: s && transport !== "Bearer" ? `${cookie}=${s.token}` : undefined,
          });
          actual[who][target] = await pageCell(res, s, path);
        }
      }
      expect(actual).toEqual(PAGE_MATRIX);
    });
  });

  it("sends no token to another area's page under the cookie its own area sets: that page sees nobody", async () => {
    const signed = await principals();
    // The admin's cookie at a dashboard, a member's at the console, a shopper's at both.
    const cases: Array<[Signed, PageTarget]> = [
      [signed.admin, "ACME dashboard"],
      [signed.acmeStaff, "admin console"],
      [signed.acmeShopper, "ACME dashboard"],
      [signed.orionShopper, "admin console"],
    ];
    for (const [s, target] of cases) {
      const { path } = PAGES[target];
      const res = await rawRequest(baseUrl(), path, { cookie: `${s.cookie}=${s.token}` });
      expect(await pageCell(res, s, path), `${s.cookie} at ${target}`).toBe(LOGIN);
    }
  });
});
