import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/password-reset";
import { TokenPage } from "@/components/token-page";
import { AREAS } from "@/lib/auth/areas";
import { adminResetAction } from "../password-actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function AdminResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = (await searchParams).token;
  return (
    <main id="main" className="p-4 pt-16">
      <TokenPage title="Choose a new password">
        <ResetPasswordForm
          action={adminResetAction}
          token={typeof token === "string" ? token : ""}
          minimum={AREAS.admin.minPasswordChars}
        />
      </TokenPage>
    </main>
  );
}
