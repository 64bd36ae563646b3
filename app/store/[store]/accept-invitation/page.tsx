import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { describeInvitation } from "@/lib/store/team";
import { storeBySlug } from "@/lib/stores/lookup";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Join a store team" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AcceptInvitationPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const store = (await storeBySlug(slug))!;
  const token = typeof query.token === "string" ? query.token : "";
  const invitation = token ? await describeInvitation(store.id, token) : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">{store.name}</p>
        {!invitation ? (
          <>
            <h1 className="mt-1 text-2xl font-bold">This invitation cannot be used</h1>
            <p className="mt-3 text-slate-600 dark:text-slate-400">
              The link is invalid, was already used, or has expired (invitations last 72 hours). Ask the store owner for a new one.
            </p>
            <Link href={`/store/${slug}/login`} className="mt-4 inline-block text-indigo-600 underline dark:text-indigo-400">
              Go to the sign-in page
            </Link>
          </>
        ) : (
          <>
            <h1 className="mt-1 text-2xl font-bold">Join the team</h1>
            <p className="mt-2 text-slate-600 dark:text-slate-400">
              You are invited as <strong>{invitation.role}</strong> with the address <strong>{invitation.email}</strong>.
            </p>
            <div className="mt-6">
              <ActionForm action={acceptInvitationAction.bind(null, slug)} aria-label="Accept invitation">
                <input type="hidden" name="token" value={token} />
                {invitation.existingUsername ? (
                  <>
                    <p className="text-sm">
                      You already have an account (<strong>{invitation.existingUsername}</strong>). Enter its password to join.
                    </p>
                    <Field name="password" label="Your password" type="password" autoComplete="current-password" required />
                  </>
                ) : (
                  <>
                    <Field name="username" label="Choose a username" required autoComplete="username" />
                    <Field
                      name="password"
                      label="Choose a password"
                      type="password"
                      autoComplete="new-password"
                      required
                      hint="At least 12 characters, at most 72 bytes, hard to guess: a few unrelated words work well."
                    />
                    <Field name="confirm_password" label="Repeat the password" type="password" autoComplete="new-password" required />
                  </>
                )}
                <SubmitButton>Join {store.name}</SubmitButton>
              </ActionForm>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
