import type { Metadata } from "next";
import { LoginPage } from "@/components/auth/login-page";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Store sign in" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Query> };

export default async function StoreLoginPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  return <LoginPage area="store" slug={slug} query={query} />;
}
