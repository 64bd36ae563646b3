import type { Metadata } from "next";
import { ChangePassword } from "@/components/auth/account-security";
import { Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage({ params }: { params: Promise<{ store: string }> }) {
  const me = await requirePagePrincipal("customer", (await params).store);
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">Change your password</h1>
      <Card>
        <ChangePassword principal={me} />
      </Card>
    </div>
  );
}
