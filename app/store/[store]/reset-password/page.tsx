import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/password-reset";
import { TokenPage } from "@/components/token-page";
import { AREAS } from "@/lib/auth/areas";
import { storeResetAction } from "../password-actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function StoreResetPasswordPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  return (
    <main id="main" className="p-4 pt-16">
      <TokenPage title="Choose a new password">
        <ResetPasswordForm
          action={storeResetAction.bind(null, slug)}
          token={typeof query.token === "string" ? query.token : ""}
          minimum={AREAS.store.minPasswordChars}
        />
      </TokenPage>
    </main>
  );
}
