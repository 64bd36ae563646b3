import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import Link from "next/link";
import { NavLink } from "@/components/nav-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { storefrontPage } from "@/lib/storefront/context";
import { isValidSlug } from "@/lib/tenancy/slug";
import { notFound } from "next/navigation";

/** On the store's coloured header: the current page underlined, not tinted. */
const SHOP_NAV = "underline-offset-4 hover:underline data-current:underline data-current:decoration-2";

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
            <NavLink href={base} exact currentClassName={SHOP_NAV}>
              Shop
            </NavLink>
            <NavLink href={`${base}/cart`} currentClassName={SHOP_NAV}>
              Cart
            </NavLink>
            <NavLink href={`${base}/account`} currentClassName={SHOP_NAV}>
              Account
            </NavLink>
            <ThemeToggle />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">
        {store.name} · powered by Orion
      </footer>
    </div>
  );
}
