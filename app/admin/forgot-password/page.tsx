import type { Metadata } from "next";
import { ForgotPasswordPage } from "@/components/auth/password-reset-pages";

export const metadata: Metadata = { title: "Forgot your password" };

export default function AdminForgotPasswordPage() {
  return <ForgotPasswordPage area="admin" />;
}
