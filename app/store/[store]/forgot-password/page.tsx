import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/password-reset";
import { TokenPage } from "@/components/token-page";
import { storeForgotAction } from "../password-actions";

export const metadata: Metadata = { title: "Forgot your password" };

export default async function StoreForgotPasswordPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  return (
    <main id="main" className="p-4 pt-16">
      <TokenPage title="Password reset">
        <ForgotPasswordForm action={storeForgotAction.bind(null, slug)} />
        <p className="mt-4 text-sm">
          <Link href={`/store/${slug}/login`} className="underline">
            Back to sign in
          </Link>
        </p>
      </TokenPage>
    </main>
  );
}
