// Pieces of the themed shop: buttons in the store's colours and product cards.
import Image from "next/image";
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { money } from "@/components/ui";

export const storeButton =
  "inline-block rounded-md bg-[var(--store-primary)] px-4 py-2 text-sm font-semibold text-white hover:opacity-90 disabled:opacity-60";

export function ProductCard({
  href,
  name,
  priceCents,
  currency,
  image,
  imageUrl,
  inStock,
}: {
  href: string;
  name: string;
  priceCents: number;
  currency: string;
  /** The product's main uploaded picture, served by the shop's image route. */
  image: ShopImage | null;
  /** An external picture address given through the API, shown when nothing was uploaded. */
  imageUrl: string | null;
  inStock: boolean;
}) {
  return (
    <Link
      href={href}
      className="block overflow-hidden rounded-xl border border-slate-200 bg-white hover:border-[var(--store-primary)] dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="relative flex aspect-square items-center justify-center bg-slate-100 text-4xl text-slate-400 dark:bg-slate-800">
        {image ? (
          <Image
            src={image.src}
            alt={image.alt}
            fill
            sizes="(min-width: 1024px) 25vw, 50vw"
            className="object-cover"
          />
        ) : imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={imageUrl} alt="" className="h-full w-full object-cover" />
        ) : (
          <span aria-hidden>◇</span>
        )}
      </div>
      <div className="p-3 sm:p-4">
        <h2 className="font-semibold">{name}</h2>
        <p className="mt-1 text-sm">
          {money(priceCents, currency)} {!inStock && <span className="text-red-600">· sold out</span>}
        </p>
      </div>
    </Link>
  );
}

export type ShopImage = { src: string; alt: string; width: number; height: number };

/** A picture's address in the shop, in the form the visitor came by (`base`); widths come from the loader. */
export function shopImage(
  base: string,
  image: { id: string; alt: string; width: number; height: number },
): ShopImage {
  return { src: `${base}/images/${image.id}`, alt: image.alt, width: image.width, height: image.height };
}

export function AccountNav({ base, children }: { base: string; children: ReactNode }) {
  const links = [
    ["", "Overview"],
    ["/orders", "Orders"],
    ["/profile", "Profile"],
    ["/addresses", "Addresses"],
    ["/wishlist", "Wishlist"],
    ["/password", "Password"],
    ["/two-factor", "Two-factor"],
    ["/sessions", "Sessions"],
  ];
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
      <nav aria-label="Account" className="flex flex-wrap gap-2 md:flex-col">
        {links.map(([href, label]) => (
          <NavLink
            key={label}
            href={`${base}/account${href}`}
            exact={href === ""}
            className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {label}
          </NavLink>
        ))}
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
