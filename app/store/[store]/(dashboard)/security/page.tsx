import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { SessionsTable } from "@/components/sessions-table";
import { listSessions } from "@/lib/auth/session-list";
import { changePasswordAction, endOtherStoreSessionsAction, endStoreSessionAction } from "../actions";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requirePagePrincipal("store", slug);
  const sessions = await listSessions({ area: "store", userId: member.id, storeId: member.store.id }, member.sessionId);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Security" description={`Signed in as ${member.username} (${member.email}).`} />
      <Card title="Change password">
        <ActionForm action={changePasswordAction.bind(null, slug)} aria-label="Change password">
          <Field name="current_password" label="Current password" type="password" autoComplete="current-password" required />
          <Field
            name="new_password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 12 characters, at most 72 bytes, hard to guess: a few unrelated words work well."
          />
          <Field name="confirm_password" label="Repeat the new password" type="password" autoComplete="new-password" required />
          <SubmitButton>Change password</SubmitButton>
        </ActionForm>
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
