import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import "@/components/shop-fonts";
import { ShopHeader, shopStyle } from "@/components/storefront";
import { ThemeToggle } from "@/components/theme-toggle";
import { logoPath } from "@/lib/store/logo";
import { cookies } from "next/headers";
import { CART_COOKIE, priceCart, readCart } from "@/lib/storefront/cart";
import { storefrontPage } from "@/lib/storefront/context";
import { isValidSlug } from "@/lib/tenancy/slug";

type LayoutParams = { params: Promise<{ store: string }> };

/** Every shop page's title ends with the store's name, not the platform's; its icon is the logo. */
export async function generateMetadata({ params }: LayoutParams): Promise<Metadata> {
  const { store: slug } = await params;
  if (!isValidSlug(slug)) return {};
  const { store, base } = await storefrontPage(slug);
  return {
    title: { default: store.name, template: `%s · ${store.name}` },
    ...(store.logoImageId && {
      icons: { icon: [{ url: logoPath(base, store.logoImageId), type: "image/webp" }] },
    }),
  };
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
  const logoSrc = store.logoImageId ? logoPath(base, store.logoImageId, 320) : store.theme.logoUrl;
  const cart = await priceCart(store.id, readCart((await cookies()).get(CART_COOKIE)?.value));
  const cartCount = cart.lines.reduce((n, line) => n + line.quantity, 0);
  return (
    <div style={shopStyle(store.theme)} data-shop="" className="min-h-screen">
      <ShopHeader
        base={base}
        name={store.name}
        logoSrc={logoSrc}
        cartCount={cartCount}
        tools={<ThemeToggle />}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">
        {store.name} · powered by Orion
      </footer>
    </div>
  );
}
