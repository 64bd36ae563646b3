import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/app-shell";
import { LogoutButton } from "@/components/logout-button";
import { ThemeToggle } from "@/components/theme-toggle";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { logoutAction } from "../actions";

const NAV: NavItem[] = [
  { href: "/admin", label: "Dashboard", exact: true },
  { href: "/admin/stores", label: "Stores" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/locks", label: "Locked accounts" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/security", label: "Security" },
  { href: "/admin/sessions", label: "Your sessions" },
];

export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  const admin = await requirePagePrincipal("admin");
  return (
    <AppShell
      brand={
        <Link href="/admin" className="font-bold">
          Orion <span className="font-normal text-slate-500">admin</span>
        </Link>
      }
      tools={
        <>
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="signed-in-as">
            {admin.username}
          </span>
          <ThemeToggle />
          <LogoutButton action={logoutAction} />
        </>
      }
      nav={{ label: "Admin", items: NAV }}
    >
      {children}
    </AppShell>
  );
}
