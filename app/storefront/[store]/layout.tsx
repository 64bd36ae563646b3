import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import Link from "next/link";
import { ThemeToggle } from "@/components/theme-toggle";
import { cookies } from "next/headers";
import { CART_COOKIE, priceCart, readCart } from "@/lib/storefront/cart";
import { storefrontPage } from "@/lib/storefront/context";
import { isValidSlug } from "@/lib/tenancy/slug";
import { notFound } from "next/navigation";

type LayoutParams = { params: Promise<{ store: string }> };

/** Every shop page's title ends with the store's name, not the platform's. */
export async function generateMetadata({ params }: LayoutParams): Promise<Metadata> {
  const { store: slug } = await params;
  if (!isValidSlug(slug)) return {};
  const { store } = await storefrontPage(slug);
  return { title: { default: store.name, template: `%s · ${store.name}` } };
}

/** The shop's frame, themed by the store: its colours as CSS variables, its font and logo. */
export default async function StorefrontLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ store: string }>;
}) {
  const { store: slug } = await params;
  if (!isValidSlug(slug)) notFound();
  const { store, base } = await storefrontPage(slug);
  const cart = await priceCart(store.id, readCart((await cookies()).get(CART_COOKIE)?.value));
  const count = cart.lines.reduce((n, line) => n + line.quantity, 0);
  const theme = store.theme;
  const style = {
    "--store-primary": theme.primaryColor,
    "--store-accent": theme.accentColor,
    "--brand": theme.primaryColor,
    fontFamily: `${theme.font}, system-ui, sans-serif`,
  } as CSSProperties;
  return (
    <div style={style} data-shop="" className="min-h-screen">
      <header className="bg-[var(--store-primary)] text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href={base} className="flex items-center gap-2 text-lg font-bold">
            {theme.logoUrl && (
              // A store's logo is an https URL it chose; it is shown, never fetched by us.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={theme.logoUrl} alt="" className="h-8 w-8 rounded bg-white object-contain" />
            )}
            {store.name}
          </Link>
          <nav aria-label="Shop" className="flex items-center gap-4 text-sm">
            <Link href={base}>Shop</Link>
            {/* What is in the cart now: products still for sale, by quantity. */}
            <Link
              href={`${base}/cart`}
              aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}
              className="flex items-center gap-1.5"
            >
              Cart
              <span
                aria-hidden
                className="min-w-5 rounded-full bg-white px-1.5 text-center text-xs leading-5 font-bold text-slate-900"
              >
                {count}
              </span>
            </Link>
            <Link href={`${base}/account`}>Account</Link>
            <ThemeToggle />
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">
        {store.name} · powered by Orion
      </footer>
    </div>
  );
}
