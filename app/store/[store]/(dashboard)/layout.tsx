import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { LogoutButton } from "@/components/logout-button";
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
  const items = NAV.filter((n) => member.permissions.includes(n.permission)).map((n) => ({
    href: base + n.href,
    label: n.label,
    exact: n.href === "",
  }));
  return (
    <AppShell
      brand={
        <Link href={base} className="font-bold">
          {member.store.name} <span className="font-normal text-slate-500">dashboard</span>
        </Link>
      }
      tools={
        <>
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
        </>
      }
      nav={{ label: "Store", items }}
    >
      {children}
    </AppShell>
  );
}
