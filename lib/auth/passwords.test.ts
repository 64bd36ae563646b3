import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import {
  hashPassword,
  loginPasswordSchema,
  newPasswordSchema,
  verifyAgainstDummy,
  verifyPassword,
} from "./passwords";

beforeAll(() => {
  process.env.BCRYPT_COST = "4";
  process.env.JWT_SECRET_KEY = "unit-test-secret-0123456789abcdef0123456789";
});

afterAll(() => {
  delete process.env.BCRYPT_COST;
});

describe("password hashing", () => {
  it("defaults to cost 12 outside tests", () => {
    expect(loadConfig({ JWT_SECRET_KEY: "x".repeat(32) }).bcryptCost).toBe(12);
  });

  it("hashes in the worker pool with the configured cost and a fresh salt", async () => {
    const [a, b] = await Promise.all([
      hashPassword("correct horse battery"),
      hashPassword("correct horse battery"),
    ]);
    expect(bcrypt.getRounds(a)).toBe(4);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse battery ", a)).toBe(false);
    expect(await verifyPassword("Correct horse battery", a)).toBe(false);
  });

  it("never truncates: two passwords sharing their first 72 bytes are different", async () => {
    const head = "a".repeat(72);
    await expect(hashPassword(head + "X")).rejects.toThrow(/72 bytes/);
    const hash = await hashPassword(head);
    expect(await verifyPassword(head + "Y", hash)).toBe(false);
  });

  it("spends a compare for unknown accounts and still answers false", async () => {
    await expect(verifyAgainstDummy("anything")).resolves.toBe(false);
  });
});

describe("password rules", () => {
  const staff = newPasswordSchema(12);
  it("counts characters for the minimum and UTF-8 bytes for the maximum", () => {
    expect(staff.safeParse("a".repeat(11)).success).toBe(false);
    expect(staff.safeParse("a".repeat(12)).success).toBe(true);
    expect(staff.safeParse("€".repeat(24)).success).toBe(true); // 72 bytes
    expect(staff.safeParse("€".repeat(25)).success).toBe(false); // 75 bytes
    expect(staff.safeParse("🔑🔑🔑 my long phrase").success).toBe(true);
  });

  it("accepts any non-empty login password up to 72 bytes", () => {
    expect(loginPasswordSchema.safeParse("x").success).toBe(true);
    expect(loginPasswordSchema.safeParse("").success).toBe(false);
    expect(loginPasswordSchema.safeParse("p".repeat(100)).success).toBe(false);
  });
});
