import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { LogoutButton } from "@/components/logout-button";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { storefrontPage } from "@/lib/storefront/context";
import { customerLogoutAction } from "../../actions";

const NAV = [
  ["", "Overview"],
  ["/orders", "Orders"],
  ["/profile", "Profile"],
  ["/addresses", "Addresses"],
  ["/wishlist", "Wishlist"],
  ["/password", "Password"],
  ["/sign-in-methods", "Sign-in methods"],
  ["/two-factor", "Two-factor"],
  ["/sessions", "Sessions"],
] as const;

export default async function AccountLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ store: string }>;
}) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const { base } = await storefrontPage(slug);
  const items = NAV.map(([href, label]) => ({ href: `${base}/account${href}`, label, exact: href === "" }));
  return (
    <AppShell
      inset
      tools={
        <>
          <p className="text-slate-600 dark:text-slate-400">
            Signed in as <strong data-testid="signed-in-as">{me.email}</strong>
          </p>
          <LogoutButton action={customerLogoutAction.bind(null, slug)} />
        </>
      }
      nav={{ label: "Account", items }}
    >
      {children}
    </AppShell>
  );
}
