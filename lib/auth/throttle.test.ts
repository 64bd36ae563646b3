import { describe, expect, it } from "vitest";
import { loginLockKey, parseLockKey } from "./throttle";

const USER = "0b6f5d2e-3c1a-4e8f-9a7b-2d4c6e8f0a1b";
const SHOP = "7e1d9c3b-5a2f-4b6d-8e0c-1f3a5b7d9e2c";

describe("lockout keys", () => {
  it("gives every spelling of an account one key, whatever was typed", () => {
    expect(loginLockKey({ userId: USER }, null, "Admin")).toBe(
      loginLockKey({ userId: USER }, null, "admin@orion.test"),
    );
    expect(loginLockKey({ customerId: USER }, SHOP, "A@x.lu")).toBe(`customer:id:${USER}`);
  });

  it("keys an identifier no account has on what was typed, ignoring case and spaces", () => {
    expect(loginLockKey(null, null, "  Ghost ")).toBe("user:login:ghost");
    expect(loginLockKey(null, SHOP, "Ghost@X.lu")).toBe(`customer:login:${SHOP}:ghost@x.lu`);
  });

  it("keeps a typed identifier that looks like an account id apart from that account", () => {
    expect(loginLockKey(null, null, USER)).not.toBe(loginLockKey({ userId: USER }, null, "admin"));
  });

  it("reads back what each key stands for", () => {
    expect(parseLockKey(`user:id:${USER}`)).toEqual({ kind: "user", userId: USER });
    expect(parseLockKey(`customer:id:${USER}`)).toEqual({ kind: "customer", customerId: USER });
    expect(parseLockKey("user:login:a:b")).toEqual({ kind: "identifier", shopId: null, identifier: "a:b" });
    expect(parseLockKey(`customer:login:${SHOP}:x@y.lu`)).toEqual({
      kind: "identifier",
      shopId: SHOP,
      identifier: "x@y.lu",
    });
    expect(parseLockKey("admin:-:old-form")).toBeNull();
  });
});
