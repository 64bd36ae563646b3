// The admin console's pages over HTTP: the request layer turns away requests without a
// token, and the page guard makes the authoritative check (checklist S11, S14, S18).
import { describe, expect, it } from "vitest";
import { adminLogin, get, postJson } from "../support/http";
import { mint } from "../support/tokens";

const loginRedirect = "/admin/login?next=%2Fadmin";

describe("admin pages", () => {
  it("redirects an anonymous visitor to the login page with a relative next", async () => {
    const res = await get("/admin");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(loginRedirect);
  });

  it("keeps the query string in next", async () => {
    const res = await get("/admin?tab=stores&page=2");
    expect(res.headers.get("location")).toBe(
      `/admin/login?next=${encodeURIComponent("/admin?tab=stores&page=2")}`,
    );
  });

  it("serves the login page to anyone", async () => {
    const res = await get("/admin/login");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Admin console");
  });

  it("renders the dashboard for the admin cookie and for a Bearer header", async () => {
    const { access_token } = await adminLogin();
    const byCookie = await get("/admin", { cookie: `admin_token=${access_token}` });
    expect(byCookie.status).toBe(200);
    expect(await byCookie.text()).toContain("Dashboard");
    const byBearer = await get("/admin", { authorization: `Bearer ${access_token}` });
    expect(byBearer.status).toBe(200);
  });

  it("shows the 403 page to a sound token of another area, as cookie or Bearer", async () => {
    const store = await mint({
      payload: { type: "store", role: "store", aud: "orion:store", store_id: crypto.randomUUID() },
    });
    const customer = await mint({
      payload: { type: "customer", aud: "orion:customer", store_id: crypto.randomUUID() },
    });
    const attempts: Record<string, string>[] = [
      { cookie: `admin_token=${store}` },
      { authorization: `Bearer ${customer}` },
    ];
    for (const headers of attempts) {
      const res = await get("/admin", headers);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain("403");
      expect(html).not.toContain("Dashboard");
    }
  });

  it("sends a revoked session back to the login page even though its JWT still verifies", async () => {
    const { access_token } = await adminLogin();
    await postJson("/api/v1/admin/auth/logout", {}, { authorization: `Bearer ${access_token}` });
    const res = await get("/admin", { cookie: `admin_token=${access_token}` });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(loginRedirect);
  });

  it("is not fooled by the x-middleware-subrequest header or a forged path header", async () => {
    const res = await get("/admin", {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
      "x-orion-path": "//evil.example",
    });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(loginRedirect);
  });

  it("never serves dashboard content for path and method variants", async () => {
    for (const path of ["/ADMIN", "/admin/", "/%61dmin", "/admin;x"]) {
      const res = await get(path);
      expect([307, 308, 404]).toContain(res.status);
      if (res.status === 200) throw new Error(`${path} served a page`);
      expect(await res.text()).not.toContain("Welcome back");
    }
    const rsc = await get("/admin", { rsc: "1", accept: "text/x-component" });
    expect(rsc.status).toBe(307);
    const head = await fetch(new URL("/admin", (await get("/")).url), { method: "HEAD", redirect: "manual" });
    expect(head.status).toBe(307);
  });

  it("sends a logged-in admin from the login page to next", async () => {
    const { access_token } = await adminLogin();
    const res = await get("/admin/login?next=%2Fadmin%3Ftab%3D1", { cookie: `admin_token=${access_token}` });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/admin?tab=1");
    const evil = await get("/admin/login?next=https%3A%2F%2Fevil.example", {
      cookie: `admin_token=${access_token}`,
    });
    expect(evil.headers.get("location")).toBe("/admin");
  });

  it("sends the security headers with pages and API answers", async () => {
    for (const path of ["/admin/login", "/api/v1/health"]) {
      const res = await get(path);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });
});
