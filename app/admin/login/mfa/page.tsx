import type { Metadata } from "next";
import { MfaPage } from "@/components/auth/mfa-page";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Admin sign in: code" };

export default async function AdminMfaPage({ searchParams }: { searchParams: Promise<Query> }) {
  return <MfaPage area="admin" query={await searchParams} />;
}
