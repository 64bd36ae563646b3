import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { customerPasswordAction } from "../../../actions";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  await requirePagePrincipal("customer", slug);
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">Change your password</h1>
      <Card>
        <ActionForm action={customerPasswordAction.bind(null, slug)} aria-label="Change password">
          <Field name="current_password" label="Current password" type="password" required autoComplete="current-password" />
          <Field name="new_password" label="New password" type="password" required autoComplete="new-password" hint="At least 8 characters, hard to guess: a few unrelated words work well" />
          <Field name="confirm_password" label="Repeat the new password" type="password" required autoComplete="new-password" />
          <SubmitButton>Change password</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
