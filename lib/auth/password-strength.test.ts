import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { MIN_PASSWORD_SCORE, assertStrongPassword, passwordWeakness } from "./password-strength";

const shopper = ["jane.doe@example.com", "Jane", "Doe", "ACME Supplies", "acme", "ACME"];

describe("password strength", () => {
  it("sets the bar at zxcvbn score 3", () => {
    expect(MIN_PASSWORD_SCORE).toBe(3);
  });

  it.each(["password1234", "123456789012", "qwertyuiopasdf", "P@ssw0rd2024", "admin123"])(
    "refuses the common password %s with a reason",
    (password) => {
      const reason = passwordWeakness(password, shopper);
      expect(reason).toMatch(/^This password is too easy to guess\. \S/);
      expect(reason).toMatch(/common|keyboard|sequence|pattern|guess|words/i);
    },
  );

  it.each([
    ["the email repeated", "jane.doe@example.comjane.doe@example.com"],
    ["the email's name and a year", "janedoe2024"],
    ["the store's name repeated", "Acme SuppliesAcme Supplies"],
    ["the store's name and a year", "ACMEsupplies2024"],
    ["the store's name repeated in its own capitals", "ACME SuppliesACME Supplies"],
  ])("refuses %s", (_case, password) => {
    expect(passwordWeakness(password, shopper)).toMatch(/too easy to guess/);
  });

  it("says when the password is made of the person's own details", () => {
    expect(passwordWeakness("jane.doe@example.com", shopper)).toBe(
      "This password is too easy to guess. It contains your name, your email address or the store's name.",
    );
  });

  it.each([
    "correct horse battery staple",
    "пароль пароль пароль",
    "🔑🔑🔑 my long phrase",
    "lantern-rope-harbour-42",
    "Tr0ub4dor&3x",
    "MyDogIsCalledRex!",
  ])("accepts the passphrase %s", (password) => {
    expect(passwordWeakness(password, shopper)).toBeNull();
  });

  it("never puts the password in its answer", () => {
    for (const password of ["password1234", "jane.doe@example.com", "zzzzzzzzzzzz"]) {
      expect(passwordWeakness(password, shopper)).not.toContain(password);
    }
  });

  it("throws the API's 422 shape on the field it is given", () => {
    let thrown: unknown;
    try {
      assertStrongPassword("password1234", [], "new_password");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const error = thrown as ApiError;
    expect(error.status).toBe(422);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details).toEqual([
      { field: "new_password", message: expect.stringContaining("commonly used") },
    ]);
    expect(() => assertStrongPassword("correct horse battery staple", [])).not.toThrow();
  });

  it("only estimates passwords that passed the length rule, and quickly", () => {
    expect(() => passwordWeakness("€".repeat(25))).toThrow(/72 bytes/);
    const started = performance.now();
    for (const password of [
      "@4$5!1|0".repeat(9),
      "P@$$W0RD".repeat(9),
      "1A".repeat(36),
      "@4$5!1|0(3+Q".repeat(6),
    ])
      passwordWeakness(password);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
