import type { Metadata } from "next";
import { Sessions } from "@/components/auth/account-security";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Sessions" };

export default async function CustomerSessionsPage({ params }: { params: Promise<{ store: string }> }) {
  const me = await requirePagePrincipal("customer", (await params).store);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Where you are signed in</h1>
      <Sessions principal={me} />
    </div>
  );
}
