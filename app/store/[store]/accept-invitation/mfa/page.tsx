import type { Metadata } from "next";
import { MfaStep } from "@/components/mfa-step";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { invitationPath } from "@/lib/store/team";
import { acceptMfaAction } from "../actions";

export const metadata: Metadata = { title: "Join a store team: code" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The second step of joining with an account that has two-factor sign-in on. */
export default async function AcceptInvitationMfaPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const store = (await storeBySlug(slug))!;
  const token = typeof query.token === "string" ? query.token : "";
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">
          {store.name}
        </p>
        <h1 className="mb-6 text-2xl font-bold">Join the team</h1>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <MfaStep
            action={acceptMfaAction.bind(null, slug, token)}
            next={null}
            loginHref={invitationPath(slug, token)}
          />
        </div>
      </div>
    </main>
  );
}
