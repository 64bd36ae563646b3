import { describe, expect, it } from "vitest";
import { accessCookie, clearedCookies, refreshCookie, serializeCookie, soleCookie } from "./cookies";

describe("auth cookies", () => {
  it("serialises the admin cookie with its Path and attributes", () => {
    const line = serializeCookie(accessCookie("admin", {}, "abc", 1800));
    expect(line).toBe("admin_token=abc; Path=/admin; Max-Age=1800; HttpOnly; SameSite=Lax");
  });

  it("makes the refresh cookie a browser-session cookie unless remembered", () => {
    const later = new Date(Date.now() + 3600_000);
    expect(refreshCookie("admin", {}, "r", false, later).maxAge).toBeUndefined();
    expect(refreshCookie("admin", {}, "r", true, later).maxAge).toBeGreaterThan(3590);
  });

  it("deletes both cookies with the Path they were set with", () => {
    const lines = clearedCookies("store", { slug: "acme" }).map(serializeCookie);
    expect(lines).toEqual([
      "store_token=; Path=/store/acme; Max-Age=0; HttpOnly; SameSite=Lax",
      "store_refresh=; Path=/store/acme; Max-Age=0; HttpOnly; SameSite=Lax",
    ]);
  });

  it("reads an auth cookie only when the request carries it once (cookie tossing)", () => {
    expect(soleCookie("theme=dark; customer_token=a%2Eb; cart=x", "customer_token")).toBe("a.b");
    expect(soleCookie("customer_token=mine; customer_token=planted", "customer_token")).toBeUndefined();
    expect(soleCookie("customer_token=planted;customer_token=mine", "customer_token")).toBeUndefined();
    expect(soleCookie("customer_token=x; customer_token=x", "customer_token")).toBeUndefined();
    expect(soleCookie("customer_tokens=x; xcustomer_token=y", "customer_token")).toBeUndefined();
    expect(soleCookie(null, "customer_token")).toBeUndefined();
  });
});
