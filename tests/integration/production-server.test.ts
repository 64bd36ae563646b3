// A second server in production mode sharing the database: Secure cookies, key rotation by
// kid, and tokens of one instance accepted and revoked across instances (README › Tokens, cookies and sessions; README › Running in production).
import { testPort } from "../support/ports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { TEST_JWT_SECRET, type TestServer, startServer } from "../support/server";
import { adminLogin, bearer, parseSetCookies } from "../support/http";
import { mint } from "../support/tokens";

const NEW_SECRET = "rotated-production-secret-abcdefghijklmnopqrstuvwxyz012345";
let prod: TestServer;

beforeAll(async () => {
  prod = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: testPort("ORION_TEST_PROD_PORT", 3111),
    env: {
      ENVIRONMENT: "production",
      JWT_SECRET_KEY: NEW_SECRET,
      JWT_PREVIOUS_SECRET_KEYS: TEST_JWT_SECRET,
      // The lowest cost a production server accepts.
      BCRYPT_COST: "10",
    },
  });
});

afterAll(async () => {
  await prod?.stop();
});

async function prodPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(prod.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("a production instance beside the test instance", () => {
  it("sets the admin cookie with Secure in production", async () => {
    const res = await prodPost("/api/v1/admin/auth/login", {
      email_or_username: "admin",
      password: "admin123",
    });
    expect(res.status).toBe(200);
    const cookie = parseSetCookies(res).find((c) => c.name === "admin_token");
    expect(cookie?.attrs).toMatchObject({ path: "/admin", httponly: true, secure: true, samesite: "Lax" });
  });

  it("sends HSTS with pages in production, and only then", async () => {
    const res = await fetch(prod.url + "/admin/login");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const test = await fetch(inject("baseUrl") + "/admin/login");
    expect(test.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends no-store with the signed-in pages of every area and with every auth answer (S36)", async () => {
    const admin = await (
      await prodPost("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" })
    ).json();
    const staff = await prodPost("/api/v1/store/auth/login", {
      email_or_username: "store_owner",
      password: "store123",
      store_code: "ACME",
    });
    const shopper = await prodPost("/api/v1/storefront/orion/auth/login", {
      email_or_username: "customer@example.com",
      password: "customer123",
    });
    const answers: Array<[string, Response]> = [
      [
        "admin login",
        await prodPost("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" }),
      ],
    ];
    answers.push(["store login", staff], ["storefront login", shopper]);
    const store = await staff.json();
    const customer = await shopper.json();

    const pages: Array<[path: string, cookie: string, shows: string]> = [
      ["/admin", `admin_token=${admin.access_token}`, "Dashboard"],
      ["/admin/stores", `admin_token=${admin.access_token}`, "ACME"],
      ["/admin/users?q=store_owner", `admin_token=${admin.access_token}`, "store_owner"],
      ["/admin/audit", `admin_token=${admin.access_token}`, "Audit log"],
      ["/admin/sessions", `admin_token=${admin.access_token}`, "this device"],
      ["/store/acme", `store_token=${store.access_token}`, "Dashboard"],
      ["/store/acme/orders", `store_token=${store.access_token}`, "ACME-"],
      [
        "/store/acme/customers?q=customer%40example.com",
        `store_token=${store.access_token}`,
        "customer@example.com",
      ],
      ["/store/acme/security", `store_token=${store.access_token}`, "Where you are signed in to this store"],
      ["/storefront/orion/account", `customer_token=${customer.access_token}`, "customer@example.com"],
      ["/storefront/orion/account/orders", `customer_token=${customer.access_token}`, "ORION-"],
      ["/storefront/orion/account/addresses", `customer_token=${customer.access_token}`, "Addresses"],
      ["/storefront/orion/account/sessions", `customer_token=${customer.access_token}`, "this device"],
      // A page renewed from the refresh cookie carries new tokens in its cookies: never cached.
      ["/admin/users?q=store_owner", `admin_refresh=${admin.refresh_token}`, "store_owner"],
    ];
    for (const [path, cookie, shows] of pages) {
      const res = await fetch(prod.url + path, { headers: { cookie }, redirect: "manual" });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(shows);
      expect(res.headers.get("cache-control"), path).toContain("no-store");
    }

    const call = (method: string, path: string, token?: string, body?: unknown) =>
      fetch(prod.url + path, {
        method,
        headers: {
          ...(token ? bearer(token) : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    answers.push(
      ["admin me", await call("GET", "/api/v1/admin/auth/me", admin.access_token)],
      ["store me", await call("GET", "/api/v1/store/acme/auth/me", store.access_token)],
      ["storefront me", await call("GET", "/api/v1/storefront/orion/auth/me", customer.access_token)],
      ["storefront account", await call("GET", "/api/v1/storefront/orion/account", customer.access_token)],
      [
        "store refresh",
        await call("POST", "/api/v1/store/auth/refresh", undefined, { refresh_token: store.refresh_token }),
      ],
      [
        "storefront refresh",
        await call("POST", "/api/v1/storefront/orion/auth/refresh", undefined, {
          refresh_token: customer.refresh_token,
        }),
      ],
      [
        "a refused refresh",
        await call("POST", "/api/v1/admin/auth/refresh", undefined, { refresh_token: "x".repeat(43) }),
      ],
      [
        "a failed login",
        await prodPost("/api/v1/admin/auth/login", {
          email_or_username: "admin",
          password: "not the password",
        }),
      ],
      ["admin logout", await call("POST", "/api/v1/admin/auth/logout", admin.access_token, {})],
    );
    for (const [name, res] of answers) {
      expect(res.status, name).toBeLessThan(500);
      expect(res.headers.get("cache-control"), name).toBe("no-store");
    }
  });

  it("still accepts tokens signed with the previous key, and its own", async () => {
    const old = await adminLogin(); // signed by the test instance with the old key
    expect(
      (await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(old.access_token) })).status,
    ).toBe(200);
    const fresh = await (
      await prodPost("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" })
    ).json();
    expect(
      (await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(fresh.access_token) })).status,
    ).toBe(200);
    // The test instance does not know the new key.
    expect(
      (await fetch(inject("baseUrl") + "/api/v1/admin/auth/me", { headers: bearer(fresh.access_token) }))
        .status,
    ).toBe(401);
  });

  it("refuses on one instance a session logged out on the other", async () => {
    const login = await adminLogin();
    expect(
      (await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(login.access_token) })).status,
    ).toBe(200);
    await prodPost("/api/v1/admin/auth/logout", {}, bearer(login.access_token));
    expect(
      (await fetch(inject("baseUrl") + "/api/v1/admin/auth/me", { headers: bearer(login.access_token) }))
        .status,
    ).toBe(401);
  });

  it("refuses to start in production with the example secret or no secret", async () => {
    for (const secret of ["change-me-to-64-random-hex-characters-from-openssl-rand-hex-32", "", "short"]) {
      const attempt = startServer({
        databaseUrl: inject("databaseUrl"),
        port: testPort("ORION_TEST_PROD_PORT", 3111) + 1,
        env: { ENVIRONMENT: "production", JWT_SECRET_KEY: secret, BCRYPT_COST: "10" },
      });
      // A server that starts after all is stopped at once, not left holding the port.
      attempt.then(
        (started) => started.stop(),
        () => {},
      );
      await expect(attempt).rejects.toThrow(/cannot start: JWT_SECRET_KEY/);
    }
  });

  it("refuses a token minted with an unrelated strong key", async () => {
    const token = await mint({ secret: "a-completely-different-secret-of-enough-length" });
    expect((await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(token) })).status).toBe(401);
  });
});
