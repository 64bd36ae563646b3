// Draws the demo catalog's pictures (db/seed-images/{store}-{n}.webp, 960 px, a few KB each) from
// simple SVG still lifes, so the repository ships real images without anyone's photos.
// Run again after changing the catalog: `npx tsx scripts/make-seed-images.ts`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const SHAPES = [
  (c: string) => `<circle cx="240" cy="230" r="120" fill="${c}"/>`,
  (c: string) => `<polygon points="240,90 380,350 100,350" fill="${c}"/>`,
  (c: string) => `<rect x="130" y="120" width="220" height="220" rx="28" fill="${c}"/>`,
  (c: string) =>
    `<polygon points="240,80 275,185 385,185 297,250 330,355 240,292 150,355 183,250 95,185 205,185" fill="${c}"/>`,
  (c: string) => `<circle cx="240" cy="230" r="125" fill="none" stroke="${c}" stroke-width="46"/>`,
  (c: string) => `<polygon points="240,85 385,230 240,375 95,230" fill="${c}"/>`,
];

function svg(hue: number, shape: number): string {
  const bg1 = `hsl(${hue} 60% 92%)`;
  const bg2 = `hsl(${(hue + 40) % 360} 55% 80%)`;
  const fg = `hsl(${hue} 65% 38%)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="960" viewBox="0 0 480 480">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>
  <rect width="480" height="480" fill="url(#g)"/>
  <ellipse cx="240" cy="400" rx="150" ry="22" fill="hsl(${hue} 30% 30% / 0.25)"/>
  ${SHAPES[shape % SHAPES.length]!(fg)}
</svg>`;
}

const out = path.join(process.cwd(), "db/seed-images");
mkdirSync(out, { recursive: true });
for (const [store, baseHue] of [
  ["orion", 200],
  ["acme", 10],
] as const) {
  for (let n = 0; n < 12; n++) {
    const file = path.join(out, `${store}-${String(n + 1).padStart(2, "0")}.webp`);
    const bytes = await sharp(Buffer.from(svg((baseHue + n * 27) % 360, n)))
      .webp({ quality: 70 })
      .toBuffer();
    writeFileSync(file, bytes);
  }
}
console.log(`Wrote 24 pictures to ${out}`);
