import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { TokenPage } from "@/components/token-page";
import { storefrontPage } from "@/lib/storefront/context";
import { resetPasswordAction } from "../../actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const { base } = await storefrontPage(slug);
  const token = typeof query.token === "string" ? query.token : "";
  return (
    <TokenPage title="Choose a new password">
      {token ? (
        <ActionForm action={resetPasswordAction.bind(null, slug)} aria-label="Reset password">
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            label="New password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 8 characters, hard to guess: a few unrelated words work well"
          />
          <Field
            name="confirm_password"
            label="Repeat the new password"
            type="password"
            required
            autoComplete="new-password"
          />
          <SubmitButton>Save the new password</SubmitButton>
        </ActionForm>
      ) : (
        <p>This link is incomplete.</p>
      )}
      <p className="mt-4 text-sm">
        <Link href={`${base}/account/forgot-password`} className="underline">
          Ask for a new link
        </Link>
      </p>
    </TokenPage>
  );
}
