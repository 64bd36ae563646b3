import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/logout-button";
import { NavLink } from "@/components/nav-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { Badge } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import { storeLogoutAction } from "./actions";

const NAV: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "", label: "Dashboard", permission: "dashboard.read" },
  { href: "/products", label: "Products", permission: "products.read" },
  { href: "/orders", label: "Orders", permission: "orders.read" },
  { href: "/customers", label: "Customers", permission: "customers.read" },
  { href: "/team", label: "Team", permission: "team.read" },
  { href: "/settings", label: "Settings", permission: "settings.manage" },
  { href: "/audit", label: "Activity", permission: "team.manage" },
  { href: "/mail", label: "Mail", permission: "mail.read" },
];

export default async function StoreDashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ store: string }>;
}) {
  const { store: slug } = await params;
  const member = await requirePagePrincipal("store", slug);
  const base = `/store/${slug}`;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href={base} className="font-bold">
            {member.store.name} <span className="font-normal text-slate-500">dashboard</span>
          </Link>
          <div className="flex items-center gap-3">
            <Link
              href={`${base}/security`}
              className="text-sm text-slate-600 dark:text-slate-400"
              data-testid="signed-in-as"
            >
              {member.username}
            </Link>
            <Badge tone="indigo">{member.storeRole}</Badge>
            <ThemeToggle />
            <LogoutButton action={storeLogoutAction.bind(null, slug)} />
          </div>
        </div>
        <nav aria-label="Store" className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 pb-2 text-sm">
          {NAV.filter((n) => member.permissions.includes(n.permission)).map((n) => (
            <NavLink
              key={n.label}
              href={base + n.href}
              exact={n.href === ""}
              className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              {n.label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
