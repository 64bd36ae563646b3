import type { Metadata } from "next";
import { LoginPage } from "@/components/auth/login-page";
import type { Query } from "@/components/auth/query";

export const metadata: Metadata = { title: "Admin sign in" };

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<Query> }) {
  return <LoginPage area="admin" query={await searchParams} />;
}
