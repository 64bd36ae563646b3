import type { Metadata } from "next";
import { Sessions } from "@/components/auth/account-security";
import { PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your sessions" };

export default async function AdminSessionsPage() {
  const admin = await requirePagePrincipal("admin");
  return (
    <div>
      <PageHeader title="Your sessions" description="Where your admin account is signed in." />
      <Sessions principal={admin} />
    </div>
  );
}
