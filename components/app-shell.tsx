// The frame of every signed-in area: the admin console, a store's dashboard and a shopper's
// account. One header (the area's name, who is signed in, the theme switch, sign-out), one
// navigation that folds into a menu on phones (AppNav), and the page. The shopper's account
// sits inside the shop's own frame, which already has the header and the main landmark: there
// the shell is `inset`, the navigation a column beside the page.
import type { ReactNode } from "react";
import { AppNav, type NavItem } from "@/components/app-nav";

export type { NavItem };

export function AppShell({
  brand,
  tools,
  nav,
  inset = false,
  children,
}: {
  /** The area's name, linking to its home (left out when `inset`). */
  brand?: ReactNode;
  /** Who is signed in and the area's buttons (theme, sign out). */
  tools: ReactNode;
  nav: { label: string; items: NavItem[] };
  inset?: boolean;
  children: ReactNode;
}) {
  if (inset) {
    return (
      <div>
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3">{tools}</div>
        <div className="grid grid-cols-1 gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
          <AppNav label={nav.label} items={nav.items} vertical />
          <div className="min-w-0">{children}</div>
        </div>
      </div>
    );
  }
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          {brand}
          <div className="flex flex-wrap items-center gap-3">{tools}</div>
        </div>
        <AppNav label={nav.label} items={nav.items} className="mx-auto max-w-6xl px-4 pb-2" />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
