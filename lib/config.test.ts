import { describe, expect, it } from "vitest";
import { EXAMPLE_SECRET, loadConfig } from "./config";

describe("configuration", () => {
  it("requires a strong JWT secret in production", () => {
    expect(() => loadConfig({ ENVIRONMENT: "production" })).toThrow(/JWT_SECRET_KEY is required/);
    expect(() => loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: "short" })).toThrow(/32 bytes/);
    expect(() => loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: EXAMPLE_SECRET })).toThrow(/example/);
  });

  it("reads previous keys for rotation", () => {
    const cfg = loadConfig({ JWT_SECRET_KEY: "n".repeat(40), JWT_PREVIOUS_SECRET_KEYS: `${"a".repeat(32)}, ${"b".repeat(32)}` });
    expect(cfg.jwtSecrets.previous).toEqual(["a".repeat(32), "b".repeat(32)]);
  });

  it("refuses an unknown environment name", () => {
    expect(() => loadConfig({ ENVIRONMENT: "prod", JWT_SECRET_KEY: "x".repeat(32) })).toThrow(/ENVIRONMENT/);
  });
});
