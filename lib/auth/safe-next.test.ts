import { describe, expect, it } from "vitest";
import { loginRedirectUrl, safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a relative path inside the area, with its query", () => {
    expect(safeNext("/admin", "/admin")).toBe("/admin");
    expect(safeNext("/admin/stores?page=2", "/admin")).toBe("/admin/stores?page=2");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/admin\r\nSet-Cookie: x=1",
    "/store/acme",
    "/administrator",
    "/storefront/orion",
    "admin",
    "",
  ])("drops %j", (next) => {
    expect(safeNext(next, "/admin")).toBeNull();
  });

  it("does not confuse /store with /storefront", () => {
    expect(safeNext("/storefront/acme", "/store/acme")).toBeNull();
    expect(safeNext("/store/acme/products", "/store/acme")).toBe("/store/acme/products");
  });

  it("normalises dot segments before checking the prefix", () => {
    expect(safeNext("/admin/../store/acme", "/admin")).toBeNull();
  });

  it("builds the login URL with an encoded next", () => {
    expect(loginRedirectUrl("/admin/login", "/admin?x=1")).toBe("/admin/login?next=%2Fadmin%3Fx%3D1");
    expect(loginRedirectUrl("/admin/login", null)).toBe("/admin/login");
  });
});
