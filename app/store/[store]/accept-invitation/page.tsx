import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { describeInvitation } from "@/lib/store/team";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { acceptInvitationAction, signInToAcceptAction } from "./actions";

export const metadata: Metadata = { title: "Join a store team" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The page is the same whether or not the address has an account: only signing in as it tells.
export default async function AcceptInvitationPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const store = (await storeBySlug(slug))!;
  const token = typeof query.token === "string" ? query.token : "";
  const invitation = token ? await describeInvitation(store.id, token) : null;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">
          {store.name}
        </p>
        {!invitation ? (
          <>
            <h1 className="mt-1 text-2xl font-bold">This invitation cannot be used</h1>
            <p className="mt-3 text-slate-600 dark:text-slate-400">
              The link is invalid, was already used, or has expired (invitations last 72 hours). Ask the store
              owner for a new one.
            </p>
            <Link
              href={`/store/${slug}/login`}
              className="mt-4 inline-block text-indigo-600 underline dark:text-indigo-400"
            >
              Go to the sign-in page
            </Link>
          </>
        ) : (
          <>
            <h1 className="mt-1 text-2xl font-bold">Join the team</h1>
            <p className="mt-2 text-slate-600 dark:text-slate-400">
              You are invited as <strong>{invitation.role}</strong> with the address{" "}
              <strong className="break-words">{invitation.email}</strong>.
            </p>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              If you already have an Orion account with this address, sign in with it; otherwise choose a
              username and a password.
            </p>
            <section
              aria-labelledby="join-existing"
              className="mt-6 border-t border-slate-200 pt-5 dark:border-slate-800"
            >
              <h2 id="join-existing" className="mb-3 font-semibold">
                I have an Orion account
              </h2>
              <ActionForm action={signInToAcceptAction.bind(null, slug)} aria-label="Sign in to accept">
                <input type="hidden" name="token" value={token} />
                <Field
                  name="current_password"
                  label="Your Orion password"
                  type="password"
                  autoComplete="current-password"
                  required
                />
                <SubmitButton>Sign in and join</SubmitButton>
              </ActionForm>
              <p className="mt-3 text-sm">
                <Link href={`/store/${slug}/forgot-password`} className="underline">
                  Forgot your password?
                </Link>
              </p>
            </section>
            <section
              aria-labelledby="join-new"
              className="mt-6 border-t border-slate-200 pt-5 dark:border-slate-800"
            >
              <h2 id="join-new" className="mb-3 font-semibold">
                I am new to Orion
              </h2>
              <ActionForm action={acceptInvitationAction.bind(null, slug)} aria-label="Create an account">
                <input type="hidden" name="token" value={token} />
                <Field name="username" label="Choose a username" required autoComplete="username" />
                <Field
                  name="password"
                  label="Choose a password"
                  type="password"
                  autoComplete="new-password"
                  required
                  hint="At least 12 characters, at most 72 bytes, hard to guess: a few unrelated words work well."
                />
                <Field
                  name="confirm_password"
                  label="Repeat the password"
                  type="password"
                  autoComplete="new-password"
                  required
                />
                <SubmitButton>Join {store.name}</SubmitButton>
              </ActionForm>
            </section>
          </>
        )}
      </div>
    </main>
  );
}
