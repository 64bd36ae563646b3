import { describe, expect, it } from "vitest";
import { contrastRatio, relativeLuminance, textContrastProblem } from "./contrast";

describe("contrastRatio", () => {
  it("gives the WCAG figures for known pairs", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // WCAG's own example values: #767676 is the lightest grey that passes AA on white.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("#4f46e5", "#ffffff")).toBeCloseTo(6.29, 1);
  });

  it("does not depend on the order of the colours or the case of the hex digits", () => {
    expect(contrastRatio("#FACC15", "#ffffff")).toBe(contrastRatio("#ffffff", "#facc15"));
  });

  it("computes luminance with the sRGB curve, linear part included", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(relativeLuminance("#0a0a0a")).toBeCloseTo(0.003035, 5);
    expect(() => relativeLuminance("yellow")).toThrow();
  });
});

describe("textContrastProblem", () => {
  it("refuses a yellow primary (white header text at 1.5:1) and says why", () => {
    expect(textContrastProblem("#facc15", "background", "the header and buttons")).toBe(
      "White text on this colour has a contrast of only 1.5:1; the header and buttons need at least 4.5:1 (WCAG AA). Choose a darker colour.",
    );
    expect(textContrastProblem("#f59e0b", "text", "links and badges")).toMatch(
      /^This colour on white has a contrast of only 2\.1:1/,
    );
    // 4.48:1 is a refusal and never reads as "4.5:1".
    expect(textContrastProblem("#777777", "text", "links")).toMatch(/only 4\.4:1/);
  });

  it("accepts the demo stores' colours and dark colours", () => {
    for (const ok of ["#4f46e5", "#dc2626", "#1e3a8a", "#000000", "#767676"]) {
      expect(textContrastProblem(ok, "background", "the header"), ok).toBeNull();
    }
  });
});
