import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/logout-button";
import { NavLink } from "@/components/nav-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { logoutAction } from "../actions";

export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  const admin = await requirePagePrincipal("admin");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="font-bold">
            Orion <span className="font-normal text-slate-500">admin</span>
          </Link>
          <div className="flex items-center gap-3">
            <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="signed-in-as">
              {admin.username}
            </span>
            <ThemeToggle />
            <LogoutButton action={logoutAction} />
          </div>
        </div>
        <nav aria-label="Admin" className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 pb-2 text-sm">
          {[
            ["/admin", "Dashboard"],
            ["/admin/stores", "Stores"],
            ["/admin/users", "Users"],
            ["/admin/audit", "Audit log"],
            ["/admin/locks", "Locked accounts"],
            ["/admin/outbox", "Outbox"],
            ["/admin/security", "Security"],
            ["/admin/sessions", "Your sessions"],
          ].map(([href, label]) => (
            <NavLink
              key={href}
              href={href!}
              exact={href === "/admin"}
              className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              {label}
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
