import type { Metadata } from "next";
import { MfaPage } from "@/components/auth/mfa-page";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Store sign in: code" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Query> };

export default async function StoreMfaPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  return <MfaPage area="store" slug={slug} query={query} />;
}
