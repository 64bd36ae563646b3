import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  containsPattern,
  emailField,
  imageUrlField,
  listQuery,
  pageQuery,
  patchSchema,
  textField,
} from "./validation";

describe("containsPattern", () => {
  it("takes % and _ in a search literally", () => {
    expect(containsPattern("50%_off")).toBe("%50\\%\\_off%");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });
});

describe("imageUrlField", () => {
  it("accepts https and refuses other schemes and junk without throwing", () => {
    expect(imageUrlField.safeParse("https://cdn.example.com/a.png").success).toBe(true);
    for (const bad of ["", "javascript:alert(1)", "http://example.com/a.png", "not a url"]) {
      expect(imageUrlField.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("textField", () => {
  const line = textField().max(20);
  const lines = textField({ multiline: true });

  it("refuses NUL, CR, LF, tab, DEL and every other C0 control character in one-line text", () => {
    for (const code of [...Array.from({ length: 32 }, (_, i) => i), 0x7f]) {
      const parsed = line.safeParse(`a${String.fromCharCode(code)}b`);
      expect(parsed.success, `U+${code.toString(16).padStart(4, "0")}`).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/control characters/);
    }
  });

  it("trims the ends first, so a stray line break at the end of a field is forgiven", () => {
    expect(line.parse("  ACME\n")).toBe("ACME");
    expect(textField({ trim: false }).parse(" a ")).toBe(" a ");
  });

  it("keeps tabs and line breaks in multi-line text, as \\n, and refuses the other controls", () => {
    expect(lines.parse("one\r\n\ttwo\rthree")).toBe("one\n\ttwo\nthree");
    for (const bad of ["a\u0000b", "a\u000bb", "a\u001b[31mb", "a\u007fb"])
      expect(lines.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("lets accents, emoji and other scripts through", () => {
    expect(line.parse("Épicerie 🍞 東京")).toBe("Épicerie 🍞 東京");
  });

  it("makes a NUL in an email a validation error too", () => {
    expect(emailField.safeParse("ann\u0000@example.com").success).toBe(false);
  });
});

describe("patchSchema", () => {
  const schema = patchSchema({ name: z.string(), stock: z.number() });

  it("refuses a patch that names nothing it knows, and takes one that names a field", () => {
    for (const body of [{}, { unknown: 1 }]) {
      const parsed = schema.safeParse(body);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({
        path: [],
        message: "Nothing to change: send at least one of name, stock",
      });
    }
    expect(schema.parse({ stock: 0 })).toEqual({ stock: 0 });
  });
});

describe("pageQuery", () => {
  it("drops what a page cannot read and keeps the rest", () => {
    expect(pageQuery(listQuery, { q: "lamp\u0000", page: "2" })).toEqual({ page: 2 });
    expect(pageQuery(listQuery, { q: "lamp", page: "2" })).toEqual({ q: "lamp", page: 2 });
    expect(listQuery.safeParse({ q: "lamp\u0000" }).success).toBe(false);
  });
});
