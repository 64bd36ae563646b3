import type { ReactNode } from "react";
import { LogoutButton } from "@/components/logout-button";
import { AccountNav } from "@/components/storefront";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { storefrontPage } from "@/lib/storefront/context";
import { customerLogoutAction } from "../../actions";

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
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-slate-600 dark:text-slate-400">
          Signed in as <strong data-testid="signed-in-as">{me.email}</strong>
        </p>
        <LogoutButton action={customerLogoutAction.bind(null, slug)} />
      </div>
      <AccountNav base={base}>{children}</AccountNav>
    </div>
  );
}
