import { describe, expect, it } from "vitest";
import { AREAS } from "./areas";

describe("the area table", () => {
  it("scopes each area's cookie to its own path", () => {
    expect(AREAS.admin.cookiePath({})).toBe("/admin");
    expect(AREAS.store.cookiePath({ slug: "acme" })).toBe("/store/acme");
    expect(AREAS.customer.cookiePath({ slug: "orion", method: "path" })).toBe("/storefront/orion");
    expect(AREAS.customer.cookiePath({ slug: "orion", method: "domain" })).toBe("/storefront");
    expect(AREAS.customer.cookiePath({ slug: "orion", method: "subdomain" })).toBe("/storefront");
  });

  it("gives every area a distinct cookie, audience and token type", () => {
    const rows = Object.values(AREAS);
    for (const key of ["accessCookie", "refreshCookie", "audience", "tokenType"] as const) {
      expect(new Set(rows.map((r) => r[key])).size).toBe(rows.length);
    }
  });

  it("needs a slug for store paths", () => {
    expect(() => AREAS.store.cookiePath({})).toThrow();
  });
});
