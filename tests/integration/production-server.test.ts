// A second server in production mode sharing the database: Secure cookies, key rotation by
// kid, and tokens of one instance accepted and revoked across instances (SPEC §4, §11).
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
    port: Number(process.env.ORION_TEST_PROD_PORT ?? 3111),
    env: { ENVIRONMENT: "production", JWT_SECRET_KEY: NEW_SECRET, JWT_PREVIOUS_SECRET_KEYS: TEST_JWT_SECRET },
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
    const res = await prodPost("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" });
    expect(res.status).toBe(200);
    const cookie = parseSetCookies(res).find((c) => c.name === "admin_token");
    expect(cookie?.attrs).toMatchObject({ path: "/admin", httponly: true, secure: true, samesite: "Lax" });
  });

  it("sends HSTS with pages in production, and no-store on authenticated pages", async () => {
    const res = await fetch(prod.url + "/admin/login");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const test = await fetch(inject("baseUrl") + "/admin/login");
    expect(test.headers.get("strict-transport-security")).toBeNull();
  });

  it("still accepts tokens signed with the previous key, and its own", async () => {
    const old = await adminLogin(); // signed by the test instance with the old key
    expect((await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(old.access_token) })).status).toBe(200);
    const fresh = await (await prodPost("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" })).json();
    expect((await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(fresh.access_token) })).status).toBe(200);
    // The test instance does not know the new key.
    expect((await fetch(inject("baseUrl") + "/api/v1/admin/auth/me", { headers: bearer(fresh.access_token) })).status).toBe(401);
  });

  it("refuses on one instance a session logged out on the other", async () => {
    const login = await adminLogin();
    expect((await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(login.access_token) })).status).toBe(200);
    await prodPost("/api/v1/admin/auth/logout", {}, bearer(login.access_token));
    expect((await fetch(inject("baseUrl") + "/api/v1/admin/auth/me", { headers: bearer(login.access_token) })).status).toBe(401);
  });

  it("refuses to start in production with the example secret or no secret", async () => {
    for (const secret of ["change-me-to-64-random-hex-characters-from-openssl-rand-hex-32", "", "short"]) {
      const attempt = startServer({
        databaseUrl: inject("databaseUrl"),
        port: 3112,
        env: { ENVIRONMENT: "production", JWT_SECRET_KEY: secret },
      });
      await expect(attempt).rejects.toThrow(/cannot start: JWT_SECRET_KEY/);
    }
  });

  it("refuses a token minted with an unrelated strong key", async () => {
    const token = await mint({ secret: "a-completely-different-secret-of-enough-length" });
    expect((await fetch(prod.url + "/api/v1/admin/auth/me", { headers: bearer(token) })).status).toBe(401);
  });
});
