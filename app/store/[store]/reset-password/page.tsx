import type { Metadata } from "next";
import { ResetPasswordPage } from "@/components/auth/password-reset-pages";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Query> };

export default async function StoreResetPasswordPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  return <ResetPasswordPage area="store" slug={slug} query={query} />;
}
