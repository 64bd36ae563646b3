import type { Metadata } from "next";
import { ResetPasswordPage } from "@/components/auth/password-reset-pages";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function AdminResetPasswordPage({ searchParams }: { searchParams: Promise<Query> }) {
  return <ResetPasswordPage area="admin" query={await searchParams} />;
}
