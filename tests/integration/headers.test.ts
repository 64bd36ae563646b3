// The security headers of every area's pages and of the API (README › Response headers, checklist S64–S69): a
// fresh script nonce per page that every rendered script carries, no framing, no sniffing, a
// referrer that stops at the origin, and a client that cannot choose the nonce.
import { describe, expect, it } from "vitest";
import { adminLogin, baseUrl, type CallOptions, rawRequest, storeLogin } from "../support/http";

const port = () => new URL(baseUrl()).port;
const call = (path: string, options: CallOptions = {}) => rawRequest(baseUrl(), path, options);

async function customerToken(): Promise<string> {
  const res = await call("/api/v1/storefront/orion/auth/login", {
    body: { email_or_username: "customer@example.com", password: "customer123" },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The nonce of the page's policy, after checking the policy itself. */
function policyNonce(res: Response): string {
  const csp = res.headers.get("content-security-policy") ?? "";
  const script =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'self'");
  return /'nonce-([^']+)'/.exec(script)![1]!;
}

function expectCommonHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(res.headers.get("x-powered-by")).toBeNull();
}

/** Every <script> of a rendered page carries the policy's nonce, so the page runs and nothing else does. */
function expectScriptsCarry(html: string, nonce: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
}

describe("security headers on pages", () => {
  it("every area's pages, signed in or not and by every storefront address, carry a nonce policy their scripts match", async () => {
    const admin = (await adminLogin()).access_token;
    const store = (await storeLogin("ACME", "store_owner", "store123")).access_token;
    const customer = await customerToken();
    const pages: Array<[string, CallOptions, string]> = [
      ["/admin/login", {}, "Admin console"],
      ["/admin", { cookie: `admin_token=${admin}` }, "Dashboard"],
      ["/store/acme/login", {}, "ACME"],
      ["/store/acme", { cookie: `store_token=${store}` }, "ACME"],
      ["/storefront/orion", {}, "Orion Outfitters"],
      ["/storefront/orion/account", { cookie: `customer_token=${customer}` }, "customer@example.com"],
      ["/storefront", { host: `orion.localhost:${port()}` }, "Orion Outfitters"],
      ["/storefront", { host: `orion.lu:${port()}` }, "Orion Outfitters"],
    ];
    for (const [path, options, text] of pages) {
      const res = await call(path, options);
      expect(res.status, `${options.host ?? ""}${path}`).toBe(200);
      expectCommonHeaders(res);
      const html = await res.text();
      expect(html.includes(text), `${path} shows "${text}"`).toBe(true);
      expectScriptsCarry(html, policyNonce(res));
    }
  });

  it("gives each page view its own nonce", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) nonces.add(policyNonce(await call("/admin/login")));
    expect(nonces.size).toBe(3);
  });

  it("never takes a nonce or a policy from the client", async () => {
    const chosen = "Y2hvc2VuLWJ5LWNsaWVudA==";
    const res = await call("/store/acme/login", {
      headers: { "x-nonce": chosen, "content-security-policy": `script-src 'nonce-${chosen}'` },
    });
    const nonce = policyNonce(res);
    expect(nonce).not.toBe(chosen);
    const html = await res.text();
    expect(html).not.toContain(chosen);
    expectScriptsCarry(html, nonce);
  });

  it("never takes the nonce of a request that only claims to be our own rewrite", async () => {
    const chosen = "Y2hvc2VuLWJ5LWNsaWVudA==";
    const res = await call("/store/acme/login", {
      headers: { "x-orion-rewritten": "forged-secret /store/acme/login", "x-nonce": chosen },
    });
    const nonce = policyNonce(res);
    expect(nonce).not.toBe(chosen);
    expectScriptsCarry(await res.text(), nonce);
  });

  it("gives paths outside the page areas a policy that runs no script and cannot be framed", async () => {
    for (const options of [{}, { host: `orion.lu:${port()}` }]) {
      const res = await call("/no-such-page", options);
      expect(res.status).toBe(404);
      expectCommonHeaders(res);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it("sends the headers with the request layer's own answers: redirects, unknown and suspended stores", async () => {
    for (const [path, status] of [
      ["/admin", 307],
      ["/storefront/no-such-store", 404],
    ] as const) {
      const res = await call(path);
      expect(res.status).toBe(status);
      expectCommonHeaders(res);
      policyNonce(res);
    }
  });

  it("pages opened from a one-time link send no Referer at all, in every area", async () => {
    const pages: Array<[string, CallOptions]> = [
      ["/admin/reset-password?token=x", {}],
      ["/store/acme/reset-password?token=x", {}],
      ["/store/acme/accept-invitation?token=x", {}],
      ["/store/acme/accept-invitation/mfa?token=x", {}],
      ["/storefront/orion/account/reset-password?token=x", {}],
      ["/storefront/orion/account/verify-email?token=x", {}],
      ["/storefront/account/reset-password?token=x", { host: `orion.lu:${port()}` }],
    ];
    for (const [path, options] of pages) {
      const res = await call(path, options);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    expect((await call("/admin/login")).headers.get("referrer-policy")).toBe(
      "strict-origin-when-cross-origin",
    );
  });

  it("answers the API with a policy that allows nothing, as JSON in UTF-8", async () => {
    const res = await call("/api/v1/health");
    expectCommonHeaders(res);
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    // Errors too.
    const refused = await call("/api/v1/admin/auth/me");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expectCommonHeaders(refused);
  });
});
