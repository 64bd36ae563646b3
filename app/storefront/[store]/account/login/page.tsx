import type { Metadata } from "next";
import { LoginPage } from "@/components/auth/login-page";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Sign in" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Query> };

export default async function CustomerLoginPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  return <LoginPage area="customer" slug={slug} query={query} />;
}
