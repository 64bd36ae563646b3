"use client";
// The product page's pictures: the chosen one large, the others as buttons beneath it.
import Image from "next/image";
import { useState } from "react";
import type { ShopImage } from "@/components/storefront";

export function ProductGallery({ images, name }: { images: ShopImage[]; name: string }) {
  const [current, setCurrent] = useState(0);
  const shown = images[current] ?? images[0]!;
  return (
    <div className="space-y-3">
      <div className="relative aspect-square overflow-hidden rounded-xl bg-slate-100 dark:bg-slate-800">
        <Image
          src={shown.src}
          alt={shown.alt || name}
          fill
          priority
          sizes="(min-width: 768px) 50vw, 100vw"
          className="object-contain"
        />
      </div>
      {images.length > 1 && (
        <ul className="flex flex-wrap gap-2" aria-label="More pictures">
          {images.map((image, i) => (
            <li key={image.src}>
              <button
                type="button"
                onClick={() => setCurrent(i)}
                aria-pressed={i === current}
                aria-label={`Show picture ${i + 1} of ${images.length}${image.alt ? `: ${image.alt}` : ""}`}
                className="relative block h-16 w-16 overflow-hidden rounded-md border-2 border-transparent bg-slate-100 aria-pressed:border-[var(--store-link)] dark:bg-slate-800"
              >
                <Image src={image.src} alt="" fill sizes="64px" className="object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
