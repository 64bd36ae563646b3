"use client";
// next/image's loader (next.config.ts `images.loaderFile`): the image routes already serve each
// picture at fixed widths, so a width maps to a file name and Next's optimizer is never used.
import { widthFor } from "./sizes";

export default function imageLoader({ src, width }: { src: string; width: number }): string {
  return `${src}/${widthFor(width)}.webp`;
}
