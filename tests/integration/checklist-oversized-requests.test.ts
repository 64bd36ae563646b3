// Size limits fail fast (checklist S64): an oversized Cookie or other header is refused by the
// server before any route runs (a bare 400 from Node's parser, which
// stops at 16 KB of headers), and a body far past the JSON limit — a 1 MB password, a
// 2 MB registration — is a 413 long before anything is hashed. Never a 500, and the server
// answers normally right after.
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { adminLogin, baseUrl, rawRequest } from "../support/http";

const call = (path: string, options: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(baseUrl(), path, options);

/**
 * POSTs a JSON body and resolves with the status as soon as the answer comes, even when the
 * server answers before the body is all sent and then closes the connection on the rest.
 */
function postLarge(path: string, body: unknown): Promise<{ status: number; ms: number }> {
  const url = new URL(path, baseUrl());
  const payload = Buffer.from(JSON.stringify(body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": payload.length },
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started });
        res.resume();
      },
    );
    req.on("error", (error) => setTimeout(() => reject(error), 2000));
    req.end(payload);
  });
}

describe("oversized requests", () => {
  it("refuses a 64 KB Cookie header or custom header with a bare 400 on pages and API, and serves the next request", async () => {
    const { access_token: token } = await adminLogin();
    const huge = "x".repeat(64 * 1024);
    for (const path of [
      "/api/v1/admin/auth/me",
      "/admin",
      "/storefront/orion",
      "/api/v1/storefront/orion/products",
    ]) {
      for (const options of [
        { cookie: `admin_token=${token}; filler=${huge}` },
        { headers: { "x-filler": huge } },
      ]) {
        const res = await call(path, { token, ...options });
        expect(res.status, path).toBe(400);
        expect(await res.text()).toBe("");
      }
    }
    expect((await call("/api/v1/admin/auth/me", { token })).status).toBe(200);
  });

  it("answers a 1 MB password and a 2 MB registration with 413 at once", async () => {
    const password = "p".repeat(1024 * 1024);
    const login = await postLarge("/api/v1/admin/auth/login", { email_or_username: "admin", password });
    const register = await postLarge("/api/v1/storefront/orion/auth/register", {
      first_name: "Big",
      last_name: "Body",
      email: "big@example.com",
      password: "x".repeat(2 * 1024 * 1024),
      marketing_consent: false,
    });
    for (const answer of [login, register]) {
      expect(answer.status).toBe(413);
      // Far less than a hash, let alone reading 2 MB into a parser on a busy machine.
      expect(answer.ms).toBeLessThan(1000);
    }
    expect((await call("/api/v1/health")).status).toBe(200);
  });
});
