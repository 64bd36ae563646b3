import { describe, expect, it } from "vitest";
import { pageAreaOf, storefrontPageIsPublic } from "./routing";

describe("pageAreaOf", () => {
  it("finds the admin console and its public login page", () => {
    expect(pageAreaOf("/admin")).toEqual({ area: "admin", public: false });
    expect(pageAreaOf("/admin/stores")).toEqual({ area: "admin", public: false });
    expect(pageAreaOf("/admin/login")).toEqual({ area: "admin", public: true });
  });

  it("finds a store dashboard with its slug, lowercased", () => {
    expect(pageAreaOf("/store/acme")).toMatchObject({ area: "store", slug: "acme", public: false });
    expect(pageAreaOf("/store/acme/products/1")).toMatchObject({
      area: "store",
      slug: "acme",
      public: false,
    });
    expect(pageAreaOf("/store/ACME/login")).toMatchObject({
      area: "store",
      slug: "acme",
      rawSlug: "ACME",
      public: true,
    });
    expect(pageAreaOf("/store/acme/accept-invitation")).toMatchObject({ public: true });
  });

  it("never takes the storefront for the store area, nor lookalikes for the admin console", () => {
    expect(pageAreaOf("/storefront")).toBeNull();
    expect(pageAreaOf("/storefront/orion/account")).toBeNull();
    expect(pageAreaOf("/stores/acme")).toBeNull();
    expect(pageAreaOf("/administrator")).toBeNull();
    expect(pageAreaOf("/api/v1/store/acme/products")).toBeNull();
  });

  it("ignores paths that cannot name a store", () => {
    expect(pageAreaOf("/store/")).toBeNull();
    expect(pageAreaOf("/store/-bad-")).toBeNull();
    expect(pageAreaOf("/store/auth")).toBeNull();
  });
});

describe("storefrontPageIsPublic", () => {
  it("keeps the catalog and the sign-in pages open and the account closed", () => {
    for (const rest of [
      "",
      "/",
      "/products/123",
      "/cart",
      "/account/login",
      "/account/register",
      "/account/forgot-password",
    ]) {
      expect(storefrontPageIsPublic(rest), rest).toBe(true);
    }
    for (const rest of ["/account", "/account/", "/account/orders", "/account/profile", "/checkout"]) {
      expect(storefrontPageIsPublic(rest), rest).toBe(false);
    }
  });
});
