import type { Metadata } from "next";
import Link from "next/link";
import { ChangePassword, TwoFactor } from "@/components/auth/account-security";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Security" };

export default async function AdminSecurityPage() {
  const admin = await requirePagePrincipal("admin");
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Security" description={`Signed in as ${admin.username} (${admin.email}).`} />
      <Card title="Change password">
        <ChangePassword principal={admin} />
      </Card>
      <Card title="Two-factor sign-in">
        <TwoFactor principal={admin} />
      </Card>
      <p className="text-sm">
        <Link href="/admin/sessions" className="underline">
          See where you are signed in
        </Link>
      </p>
    </div>
  );
}
