import { describe, expect, it } from "vitest";
import { classifyHost, hostnameOf, resolveApiStore, slugAfter, storefrontBase } from "./resolve";

const P = "localhost:3000";

describe("classifyHost", () => {
  it.each([
    ["localhost:3000", { kind: "platform" }],
    ["LOCALHOST:3000", { kind: "platform" }],
    ["127.0.0.1:3102", { kind: "platform" }],
    ["[::1]:3000", { kind: "platform" }],
    ["www.localhost:3000", { kind: "platform" }],
    ["orion.localhost:3000", { kind: "subdomain", slug: "orion" }],
    ["ORION.localhost", { kind: "subdomain", slug: "orion" }],
    ["a.b.localhost:3000", { kind: "invalid" }],
    ["admin.localhost:3000", { kind: "invalid" }],
    ["orion.lu", { kind: "custom", hostname: "orion.lu" }],
    ["Orion.LU.:443", { kind: "custom", hostname: "orion.lu" }],
    ["evil host", { kind: "invalid" }],
    ["", { kind: "invalid" }],
    [null, { kind: "invalid" }],
  ] as const)("%s → %j", (host, expected) => {
    expect(classifyHost(host, P)).toEqual(expected);
  });

  it("uses the platform domain of the environment", () => {
    expect(classifyHost("acme.myplatform.com", "myplatform.com")).toEqual({
      kind: "subdomain",
      slug: "acme",
    });
    expect(classifyHost("myplatform.com", "myplatform.com")).toEqual({ kind: "platform" });
    expect(classifyHost("acme.localhost:3000", "myplatform.com")).toEqual({
      kind: "custom",
      hostname: "acme.localhost",
    });
  });
});

describe("hostnameOf and slugAfter", () => {
  it("strips ports and refuses junk", () => {
    expect(hostnameOf("Shop.Example.com:8443")).toBe("shop.example.com");
    expect(hostnameOf("a..b")).toBeNull();
    expect(hostnameOf("a/b")).toBeNull();
  });

  it("reads the store slug after a prefix, lower-cased", () => {
    expect(slugAfter("/storefront/orion/account", "/storefront/")).toEqual({ slug: "orion", raw: "orion" });
    expect(slugAfter("/storefront/ORION", "/storefront/")).toEqual({ slug: "orion", raw: "ORION" });
    expect(slugAfter("/store/orion", "/storefront/")).toBeNull();
    expect(slugAfter("/storefront/", "/storefront/")).toBeNull();
  });
});

describe("resolveApiStore", () => {
  const base = { domainSlug: null, pathSlug: null, referer: null, platformDomain: P };

  it("takes the store from a subdomain or a verified domain", () => {
    expect(resolveApiStore({ ...base, host: { kind: "subdomain", slug: "orion" } })).toEqual({
      ok: true,
      method: "subdomain",
      slug: "orion",
    });
    expect(
      resolveApiStore({ ...base, host: { kind: "custom", hostname: "orion.lu" }, domainSlug: "orion" }),
    ).toEqual({
      ok: true,
      method: "domain",
      slug: "orion",
    });
    expect(resolveApiStore({ ...base, host: { kind: "custom", hostname: "nope.example" } })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("takes the path, then the Referer, on the platform host, and calls both the path method", () => {
    expect(resolveApiStore({ ...base, host: { kind: "platform" }, pathSlug: "acme" })).toEqual({
      ok: true,
      method: "path",
      slug: "acme",
    });
    expect(
      resolveApiStore({
        ...base,
        host: { kind: "platform" },
        referer: "http://localhost:3000/storefront/acme/account/login",
      }),
    ).toEqual({ ok: true, method: "path", slug: "acme" });
  });

  it("refuses two sources that disagree", () => {
    expect(
      resolveApiStore({ ...base, host: { kind: "subdomain", slug: "orion" }, pathSlug: "acme" }),
    ).toEqual({ ok: false, reason: "conflict" });
    expect(
      resolveApiStore({
        ...base,
        host: { kind: "platform" },
        pathSlug: "orion",
        referer: "http://localhost:3000/storefront/acme/",
      }),
    ).toEqual({ ok: false, reason: "conflict" });
  });

  it("ignores a Referer from another host", () => {
    expect(
      resolveApiStore({
        ...base,
        host: { kind: "platform" },
        referer: "https://evil.example/storefront/acme",
      }),
    ).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("finds nothing on the platform host without a path or Referer", () => {
    expect(resolveApiStore({ ...base, host: { kind: "platform" } })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("storefrontBase", () => {
  it("keeps links in the form the visitor came by", () => {
    expect(storefrontBase("path", "orion")).toBe("/storefront/orion");
    expect(storefrontBase("domain", "orion")).toBe("/storefront");
    expect(storefrontBase("subdomain", "orion")).toBe("/storefront");
  });
});
