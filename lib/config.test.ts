import { describe, expect, it } from "vitest";
import { EXAMPLE_SECRET, loadConfig } from "./config";

describe("configuration", () => {
  it("requires a strong JWT secret in production", () => {
    expect(() => loadConfig({ ENVIRONMENT: "production" })).toThrow(/JWT_SECRET_KEY is required/);
    expect(() => loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: "short" })).toThrow(/32 bytes/);
    expect(() => loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: EXAMPLE_SECRET })).toThrow(
      /example/,
    );
  });

  it("refuses a bcrypt cost below 10 in production, and allows the fast test cost elsewhere", () => {
    const secret = "p".repeat(40);
    expect(() => loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: secret, BCRYPT_COST: "9" })).toThrow(
      /BCRYPT_COST must be at least 10/,
    );
    expect(
      loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: secret, BCRYPT_COST: "10" }).bcryptCost,
    ).toBe(10);
    expect(loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: secret }).bcryptCost).toBe(12);
    expect(loadConfig({ ENVIRONMENT: "test", JWT_SECRET_KEY: secret, BCRYPT_COST: "4" }).bcryptCost).toBe(4);
  });

  it("reads previous keys for rotation", () => {
    const cfg = loadConfig({
      JWT_SECRET_KEY: "n".repeat(40),
      JWT_PREVIOUS_SECRET_KEYS: `${"a".repeat(32)}, ${"b".repeat(32)}`,
    });
    expect(cfg.jwtSecrets.previous).toEqual(["a".repeat(32), "b".repeat(32)]);
  });

  it("refuses an unknown environment name", () => {
    expect(() => loadConfig({ ENVIRONMENT: "prod", JWT_SECRET_KEY: "x".repeat(32) })).toThrow(/ENVIRONMENT/);
  });

  it("takes the public address of links from PUBLIC_URL or PLATFORM_DOMAIN, never from a request", () => {
    const secret = { JWT_SECRET_KEY: "x".repeat(32) };
    expect(loadConfig(secret)).toMatchObject({
      publicUrl: "http://localhost:3000",
      platformDomain: "localhost:3000",
    });
    expect(
      loadConfig({ ...secret, ENVIRONMENT: "production", PLATFORM_DOMAIN: "Shops.Example" }),
    ).toMatchObject({
      publicUrl: "https://shops.example",
      platformDomain: "shops.example",
    });
    expect(loadConfig({ ...secret, PUBLIC_URL: "https://shops.example:8443" })).toMatchObject({
      publicUrl: "https://shops.example:8443",
      platformDomain: "shops.example:8443",
    });
    expect(() => loadConfig({ ...secret, PUBLIC_URL: "https://shops.example/app" })).toThrow(
      /without a path/,
    );
    expect(() =>
      loadConfig({ ...secret, PUBLIC_URL: "https://a.example", PLATFORM_DOMAIN: "b.example" }),
    ).toThrow(/different hosts/);
    expect(() => loadConfig({ ...secret, PLATFORM_DOMAIN: "a.example/x" })).toThrow(/PLATFORM_DOMAIN/);
  });

  it("fails at start on a TRUSTED_PROXIES entry it cannot read", () => {
    expect(() =>
      loadConfig({ JWT_SECRET_KEY: "x".repeat(32), TRUSTED_PROXIES: "10.0.0.0/8, gateway" }),
    ).toThrow(/TRUSTED_PROXIES/);
    expect(loadConfig({ JWT_SECRET_KEY: "x".repeat(32), TRUSTED_PROXIES: "loopback" }).trustedProxies).toBe(
      "loopback",
    );
  });
});
