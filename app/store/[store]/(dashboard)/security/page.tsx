import type { Metadata } from "next";
import { ChangePassword, Sessions, TwoFactor } from "@/components/auth/account-security";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requirePagePrincipal("store", slug);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Security" description={`Signed in as ${member.username} (${member.email}).`} />
      {member.mfaMissing && (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {member.store.name} requires two-factor sign-in. Set it up below to open the rest of the dashboard.
        </p>
      )}
      <Card title="Two-factor sign-in">
        <TwoFactor principal={member} />
      </Card>
      <Card title="Change password">
        <ChangePassword principal={member} />
      </Card>
      <Card title="Where you are signed in to this store">
        <Sessions principal={member} />
      </Card>
    </div>
  );
}
