import type { Metadata } from "next";
import Link from "next/link";
import { ChangePassword } from "@/components/auth/account-security";
import { Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { NO_PASSWORD_YET, getCustomer } from "@/lib/storefront/account";
import { storefrontPage } from "@/lib/storefront/context";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const { hasPassword } = await getCustomer(me.id);
  const { base } = await storefrontPage(slug);
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">{hasPassword ? "Change your password" : "Password"}</h1>
      <Card>
        {hasPassword ? (
          <ChangePassword principal={me} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {NO_PASSWORD_YET}{" "}
            <Link href={`${base}/account/sign-in-methods`} className="underline">
              Go to Sign-in methods
            </Link>
          </p>
        )}
      </Card>
    </div>
  );
}
