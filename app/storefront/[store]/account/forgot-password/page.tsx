import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card } from "@/components/ui";
import { storefrontPage } from "@/lib/storefront/context";
import { forgotPasswordAction } from "../../actions";

export const metadata: Metadata = { title: "Forgot your password" };

export default async function ForgotPasswordPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const { base } = await storefrontPage(slug);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Forgot your password?</h1>
      <Card>
        <ActionForm action={forgotPasswordAction.bind(null, slug)} aria-label="Forgot password">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Enter your email and we will send you a link to choose a new password.
          </p>
          <Field name="email" label="Email" type="email" required autoComplete="email" />
          <SubmitButton>Send the link</SubmitButton>
        </ActionForm>
      </Card>
      <p className="mt-4 text-sm">
        <Link href={`${base}/account/login`} className="underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
