import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/forms";
import { Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { customerPasswordAction } from "../../../actions";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  await requirePagePrincipal("customer", slug);
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">Change your password</h1>
      <Card>
        <ChangePasswordForm action={customerPasswordAction.bind(null, slug)} minLength={8} />
      </Card>
    </div>
  );
}
