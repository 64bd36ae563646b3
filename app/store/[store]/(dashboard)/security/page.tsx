import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { changePasswordAction } from "../actions";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requirePagePrincipal("store", slug);
  return (
    <div className="max-w-xl">
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
            hint="At least 12 characters; at most 72 bytes."
          />
          <Field name="confirm_password" label="Repeat the new password" type="password" autoComplete="new-password" required />
          <SubmitButton>Change password</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
