import { describe, expect, it } from "vitest";
import { containsPattern, imageUrlField } from "./validation";

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
