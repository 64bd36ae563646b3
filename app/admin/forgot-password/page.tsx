import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/password-reset";
import { TokenPage } from "@/components/token-page";
import { adminForgotAction } from "../password-actions";

export const metadata: Metadata = { title: "Forgot your password" };

export default function AdminForgotPasswordPage() {
  return (
    <main id="main" className="p-4 pt-16">
      <TokenPage title="Admin password reset">
        <ForgotPasswordForm action={adminForgotAction} />
        <p className="mt-4 text-sm">
          <Link href="/admin/login" className="underline">
            Back to sign in
          </Link>
        </p>
      </TokenPage>
    </main>
  );
}
