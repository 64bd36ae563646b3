// WCAG 2.x contrast between two sRGB colours, for the store theme's rule: white text on the
// primary colour (header, buttons) and the accent colour as text on white (links, badges)
// must reach AA for normal text, 4.5:1. Both are the same test: contrast with white.
const MIN_TEXT_CONTRAST = 4.5;

const WHITE = "#ffffff";

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of `#rrggbb` (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** (L1 + 0.05) / (L2 + 0.05), from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * Why a theme colour cannot carry white text (`on: "background"`) or be text on white
 * (`on: "text"`), naming what it is used for (`use`, plural); null when it can.
 */
export function textContrastProblem(colour: string, on: "background" | "text", use: string): string | null {
  const ratio = contrastRatio(colour, WHITE);
  if (ratio >= MIN_TEXT_CONTRAST) return null;
  // Rounded down, so a 4.46 is never shown as the 4.5 it fails to reach.
  const shown = (Math.floor(ratio * 10) / 10).toFixed(1);
  const pair = on === "background" ? "White text on this colour" : "This colour on white";
  return `${pair} has a contrast of only ${shown}:1; ${use} need at least ${MIN_TEXT_CONTRAST}:1 (WCAG AA). Choose a darker colour.`;
}
