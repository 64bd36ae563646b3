import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/forms";
import { TwoFactorSettings } from "@/components/two-factor";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { totpHolder, totpStatusView } from "@/lib/auth/totp-account";
import { adminChangePasswordAction, adminTotpAction } from "../../console-actions";

export const metadata: Metadata = { title: "Security" };

export default async function AdminSecurityPage() {
  const admin = await requirePagePrincipal("admin");
  const status = await totpStatusView(totpHolder(admin));
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Security" description={`Signed in as ${admin.username} (${admin.email}).`} />
      <Card title="Change password">
        <ChangePasswordForm action={adminChangePasswordAction} minLength={12} />
      </Card>
      <Card title="Two-factor sign-in">
        <TwoFactorSettings
          status={status}
          actions={{
            setup: adminTotpAction.bind(null, "setup"),
            enable: adminTotpAction.bind(null, "enable"),
            disable: adminTotpAction.bind(null, "disable"),
            recovery: adminTotpAction.bind(null, "recovery"),
          }}
        />
      </Card>
      <p className="text-sm">
        <Link href="/admin/sessions" className="underline">
          See where you are signed in
        </Link>
      </p>
    </div>
  );
}
