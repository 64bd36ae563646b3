// The audit trail as admins and store owners read it (README › Abuse controls).
import { afterAll, describe, expect, it } from "vitest";
import { adminLogin, bearer, get, postJson, storeLogin } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

describe("audit log", () => {
  it("filters events by type, area, store and who, newest first", async () => {
    const marker = `audit-ghost-${Date.now()}`;
    await postJson("/api/v1/admin/auth/login", { email_or_username: marker, password: "wrong password" });
    const { access_token } = await adminLogin();
    const res = await get(
      `/api/v1/admin/audit-events?type=login_failed&area=admin&who=${marker}`,
      bearer(access_token),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ type: "login_failed", area: "admin", identifier: marker });
    await storeLogin("ACME", "acme_staff", "staff123");
    const acme = await (
      await get("/api/v1/admin/audit-events?store=ACME&type=login_succeeded", bearer(access_token))
    ).json();
    expect(acme.items.length).toBeGreaterThan(0);
    expect(acme.items.every((e: { store: string }) => e.store === "acme")).toBe(true);
    const times = acme.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const today = new Date().toISOString().slice(0, 10);
    const none = await (
      await get(`/api/v1/admin/audit-events?to=2000-01-01&from=2000-01-01`, bearer(access_token))
    ).json();
    expect(none.total).toBe(0);
    const todays = await (await get(`/api/v1/admin/audit-events?from=${today}`, bearer(access_token))).json();
    expect(todays.total).toBeGreaterThan(0);
  });

  it("is for admins only", async () => {
    const staff = await storeLogin("ACME", "store_owner", "store123");
    expect((await get("/api/v1/admin/audit-events", bearer(staff.access_token))).status).toBe(403);
    expect((await get("/api/v1/admin/audit-events")).status).toBe(401);
  });

  it("shows a store owner the store's own events and staff the 403 page", async () => {
    const owner = await storeLogin("ACME", "store_owner", "store123");
    const page = await get("/store/acme/audit?type=login_succeeded", {
      cookie: `store_token=${owner.access_token}`,
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("login succeeded");
    expect(html).not.toContain(">orion<");
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    expect((await get("/store/acme/audit", { cookie: `store_token=${staff.access_token}` })).status).toBe(
      403,
    );
    const admin = await adminLogin();
    const adminPage = await get("/admin/audit?area=store", { cookie: `admin_token=${admin.access_token}` });
    expect(adminPage.status).toBe(200);
    expect(await adminPage.text()).toContain("Audit log");
  });
});
