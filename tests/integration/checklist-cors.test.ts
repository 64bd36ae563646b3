// CORS is not a hole (checklist S27): no origin but our own is granted a cross-origin read,
// neither by a preflight nor on a simple request, at the API of any area or at a page. A
// grant would let a foreign page read answers its script sends with a stolen Bearer token,
// or, with credentials allowed, answers made with the visitor's cookies.
import { describe, expect, it } from "vitest";
import { adminLogin, baseUrl, rawRequest, storeLogin } from "../support/http";

const port = () => new URL(baseUrl()).port;
const FOREIGN = () => [
  "https://attacker.test",
  "null",
  `http://acme.localhost:${port()}`,
  `http://orion.lu:${port()}`,
];

type Target = { path: string; method: "GET" | "POST"; token?: () => Promise<string>; body?: unknown };

let tokens: { admin?: string; store?: string; customer?: string } = {};

async function customerToken(): Promise<string> {
  const res = await rawRequest(baseUrl(), "/api/v1/storefront/orion/auth/login", {
    body: { email_or_username: "customer@example.com", password: "customer123" },
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const targets: Target[] = [
  {
    path: "/api/v1/admin/auth/login",
    method: "POST",
    body: { email_or_username: "admin", password: "admin123" },
  },
  {
    path: "/api/v1/admin/auth/me",
    method: "GET",
    token: async () => (tokens.admin ??= (await adminLogin()).access_token),
  },
  {
    path: "/api/v1/admin/stores",
    method: "GET",
    token: async () => (tokens.admin ??= (await adminLogin()).access_token),
  },
  {
    path: "/api/v1/store/auth/login",
    method: "POST",
    body: { email_or_username: "store_owner", password: "store123", store_code: "ACME" },
  },
  {
    path: "/api/v1/store/acme/customers",
    method: "GET",
    token: async () => (tokens.store ??= (await storeLogin("ACME", "store_owner", "store123")).access_token),
  },
  {
    path: "/api/v1/storefront/orion/auth/login",
    method: "POST",
    body: { email_or_username: "customer@example.com", password: "customer123" },
  },
  {
    path: "/api/v1/storefront/orion/account",
    method: "GET",
    token: async () => (tokens.customer ??= await customerToken()),
  },
  { path: "/api/v1/storefront/orion/products", method: "GET" },
  { path: "/api/v1/health", method: "GET" },
  { path: "/admin/login", method: "GET" },
  { path: "/storefront/orion", method: "GET" },
];

function expectNoGrant(res: Response, what: string) {
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get("access-control-allow-origin"), what).toBeNull();
  expect(res.headers.get("access-control-allow-credentials"), what).toBeNull();
}

describe("cross-origin reads", () => {
  it("answers no preflight from a foreign or null origin with a grant", async () => {
    tokens = {};
    for (const target of targets) {
      for (const origin of FOREIGN()) {
        for (const method of ["GET", "POST", "PATCH", "DELETE"]) {
          const res = await rawRequest(baseUrl(), target.path, {
            method: "OPTIONS",
            headers: {
              origin,
              "access-control-request-method": method,
              "access-control-request-headers": "authorization, content-type",
            },
          });
          expectNoGrant(res, `OPTIONS ${target.path} for ${method} from ${origin}`);
          expect(res.headers.get("access-control-allow-headers") ?? "", target.path).not.toMatch(
            /authorization/i,
          );
          expect(res.headers.get("access-control-allow-methods"), target.path).toBeNull();
        }
      }
    }
  });

  it("grants no foreign or null origin a read of a simple or credentialed request", async () => {
    for (const target of targets) {
      const token = target.token ? await target.token() : undefined;
      for (const origin of FOREIGN()) {
        const res = await rawRequest(baseUrl(), target.path, {
          method: target.method,
          token,
          body: target.body,
          headers: { origin, "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" },
        });
        expectNoGrant(res, `${target.method} ${target.path} from ${origin}`);
        expect(res.headers.get("access-control-expose-headers"), target.path).toBeNull();
      }
    }
  });

  it("does not echo the Origin in any header of the answer", async () => {
    const origin = "https://echo-canary.attacker.test";
    for (const target of targets) {
      const token = target.token ? await target.token() : undefined;
      const res = await rawRequest(baseUrl(), target.path, {
        method: target.method,
        token,
        body: target.body,
        headers: { origin },
      });
      for (const [name, value] of res.headers)
        expect(value, `${target.path} ${name}`).not.toContain("echo-canary");
    }
  });
});
