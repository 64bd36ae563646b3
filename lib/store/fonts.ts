// The fonts a store may choose and the CSS font stack of each, for the shop and for the
// settings preview alike. Inter, Merriweather and Roboto Mono are web fonts shipped as files
// (components/shop-fonts.ts, served from the app's own origin under `font-src 'self'`);
// Georgia and Helvetica are the system fonts of those names, with look-alike fallbacks.
export const FONTS = ["Inter", "Georgia", "Helvetica", "Merriweather", "Roboto Mono"] as const;

const STACKS: Record<(typeof FONTS)[number], string> = {
  Inter: '"Inter", system-ui, sans-serif',
  Georgia: 'Georgia, "Times New Roman", serif',
  Helvetica: 'Helvetica, Arial, "Liberation Sans", sans-serif',
  Merriweather: '"Merriweather", Georgia, serif',
  "Roboto Mono": '"Roboto Mono", ui-monospace, monospace',
};

/** The font-family value for a stored font name; an unknown name falls back to the system font. */
export function fontStack(font: string): string {
  return (STACKS as Record<string, string>)[font] ?? "system-ui, sans-serif";
}
