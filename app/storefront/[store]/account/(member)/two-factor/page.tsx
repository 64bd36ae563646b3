import type { Metadata } from "next";
import { TwoFactorSettings } from "@/components/two-factor";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { totpHolder, totpStatusView } from "@/lib/auth/totp-account";
import { customerTotpAction } from "../../../actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function CustomerTwoFactorPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const status = await totpStatusView(totpHolder(me));
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">Two-factor sign-in</h1>
      <TwoFactorSettings
        status={status}
        actions={{
          setup: customerTotpAction.bind(null, slug, "setup"),
          enable: customerTotpAction.bind(null, slug, "enable"),
          disable: customerTotpAction.bind(null, slug, "disable"),
          recovery: customerTotpAction.bind(null, slug, "recovery"),
        }}
      />
    </div>
  );
}
