import type { Metadata } from "next";
import { TwoFactor } from "@/components/auth/account-security";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function CustomerTwoFactorPage({ params }: { params: Promise<{ store: string }> }) {
  const me = await requirePagePrincipal("customer", (await params).store);
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">Two-factor sign-in</h1>
      <TwoFactor principal={me} />
    </div>
  );
}
