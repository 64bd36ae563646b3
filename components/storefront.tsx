// Pieces of the themed shop: buttons in the store's colours and product cards.
import Image from "next/image";
import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { OutOfStockBadge, money } from "@/components/ui";
import { fontStack } from "@/lib/store/fonts";

/** On the store's coloured header: the current page underlined, not tinted. */
const SHOP_NAV = "underline-offset-4 hover:underline data-current:underline data-current:decoration-2";

type ThemeColours = { primaryColor: string; accentColor: string; font: string };

/** The shop frame's theme as CSS variables and its font stack (shop layout and settings preview). */
export function shopStyle(theme: ThemeColours): CSSProperties {
  return {
    "--store-primary": theme.primaryColor,
    "--store-accent": theme.accentColor,
    "--brand": theme.primaryColor,
    fontFamily: fontStack(theme.font),
  } as CSSProperties;
}

/**
 * The shop's header: logo and name linking home, the shop's links, and `tools` (the colour
 * scheme switch, a server component the settings preview leaves out).
 */
export function ShopHeader({
  base,
  name,
  logoSrc,
  cartCount,
  tools,
}: {
  base: string;
  name: string;
  /** The uploaded logo's address, else the logo URL the store gave, else none. */
  logoSrc: string | null;
  /** What is in the shopper's cart now (products still for sale, by quantity); none in previews. */
  cartCount?: number;
  tools?: ReactNode;
}) {
  return (
    <header className="bg-[var(--store-primary)] text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={base} className="flex items-center gap-2 text-lg font-bold">
          {logoSrc && (
            // The name beside it says what the logo says, so the picture itself is decoration.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={logoSrc}
              alt=""
              data-testid="shop-logo"
              className="h-8 w-auto max-w-32 rounded bg-white object-contain"
            />
          )}
          {name}
        </Link>
        <nav aria-label="Shop" className="flex items-center gap-4 text-sm">
          <NavLink href={base} exact currentClassName={SHOP_NAV}>
            Shop
          </NavLink>
          {cartCount === undefined ? (
            <NavLink href={`${base}/cart`} currentClassName={SHOP_NAV}>
              Cart
            </NavLink>
          ) : (
            // Said "Cart, 3 items"; the link shows "Cart" and the badge beside it shows the count,
            // so what is read contains what is seen.
            <span className="flex items-center gap-1.5">
              <NavLink
                href={`${base}/cart`}
                currentClassName={SHOP_NAV}
                aria-label={`Cart, ${cartCount} ${cartCount === 1 ? "item" : "items"}`}
              >
                Cart
              </NavLink>
              <span
                aria-hidden
                className="min-w-5 rounded-full bg-white px-1.5 text-center text-xs leading-5 font-bold text-slate-900"
              >
                {cartCount}
              </span>
            </span>
          )}
          <NavLink href={`${base}/account`} currentClassName={SHOP_NAV}>
            Account
          </NavLink>
          {tools}
        </nav>
      </div>
    </header>
  );
}

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
          {money(priceCents, currency)} {!inStock && <OutOfStockBadge />}
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
