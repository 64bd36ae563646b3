import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/forms";
import { TokenPage } from "@/components/token-page";
import { storefrontPage } from "@/lib/storefront/context";
import { verifyEmailAction } from "../../actions";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Confirms on a button press, not on opening: mail scanners that follow links spend nothing. */
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const { store, base } = await storefrontPage(slug);
  const token = typeof query.token === "string" ? query.token : "";
  return (
    <TokenPage title="Confirm your email">
      <ActionForm action={verifyEmailAction.bind(null, slug)} aria-label="Confirm email">
        <input type="hidden" name="token" value={token} />
        <p>Confirm that this address belongs to your {store.name} account.</p>
        <SubmitButton>Confirm my email</SubmitButton>
      </ActionForm>
      <p className="mt-4 text-sm">
        <Link href={`${base}/account`} className="underline">
          Go to your account
        </Link>
      </p>
    </TokenPage>
  );
}
