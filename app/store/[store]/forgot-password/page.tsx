import type { Metadata } from "next";
import { ForgotPasswordPage } from "@/components/auth/password-reset-pages";

export const metadata: Metadata = { title: "Forgot your password" };

export default async function StoreForgotPasswordPage({ params }: { params: Promise<{ store: string }> }) {
  return <ForgotPasswordPage area="store" slug={(await params).store} />;
}
