import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/forms";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { SessionsTable } from "@/components/sessions-table";
import { listSessions } from "@/lib/auth/session-list";
import { TwoFactorSettings } from "@/components/two-factor";
import { totpHolder, totpStatusView } from "@/lib/auth/totp-account";
import {
  changePasswordAction,
  endOtherStoreSessionsAction,
  endStoreSessionAction,
  storeTotpAction,
} from "../actions";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requirePagePrincipal("store", slug);
  const [sessions, totp] = await Promise.all([
    listSessions({ area: "store", userId: member.id, storeId: member.store.id }, member.sessionId),
    totpStatusView(totpHolder(member)),
  ]);
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
        <TwoFactorSettings
          status={totp}
          actions={{
            setup: storeTotpAction.bind(null, slug, "setup"),
            enable: storeTotpAction.bind(null, slug, "enable"),
            disable: storeTotpAction.bind(null, slug, "disable"),
            recovery: storeTotpAction.bind(null, slug, "recovery"),
          }}
        />
      </Card>
      <Card title="Change password">
        <ChangePasswordForm action={changePasswordAction.bind(null, slug)} minLength={12} />
      </Card>
      <Card title="Where you are signed in to this store">
        <SessionsTable
          rows={sessions}
          endOne={(id) => endStoreSessionAction.bind(null, slug, id)}
          endOthers={endOtherStoreSessionsAction.bind(null, slug)}
        />
      </Card>
    </div>
  );
}
