import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Badge, Card, Table, when } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import type { ConnectOutcome } from "@/lib/auth/social/finish";
import { RECENT_SIGN_IN_REQUIRED, signInMethodsOf } from "@/lib/auth/social/methods";
import { storefrontPage } from "@/lib/storefront/context";
import { connectProviderAction, disconnectProviderAction, setPasswordAction } from "../../../actions";

export const metadata: Metadata = { title: "Sign-in methods" };

/** What "Connect" came back with: a fixed word in the address, mapped to a fixed sentence. */
const OUTCOMES: Record<ConnectOutcome, { ok: boolean; text: string }> = {
  linked: { ok: true, text: "Connected. It now signs you in here too." },
  already: { ok: true, text: "That account was already connected to yours." },
  elsewhere: {
    ok: false,
    text: "That account at the provider is already connected to another customer account of this shop. Sign in with it to use that account, or disconnect it there first.",
  },
  expired: { ok: false, text: "Connecting took too long or was started in another browser. Try again." },
  signed_out: {
    ok: false,
    text: "You were no longer signed in as the same customer, so nothing was connected.",
  },
  unavailable: { ok: false, text: "This shop no longer offers that sign-in method." },
};

const isOutcome = (v: unknown): v is ConnectOutcome => typeof v === "string" && Object.hasOwn(OUTCOMES, v);

export default async function SignInMethodsPage({
  params,
  searchParams,
}: {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const { store, base } = await storefrontPage(slug);
  const methods = await signInMethodsOf(store, me);
  const query = await searchParams;
  const outcome = isOutcome(query.connected)
    ? OUTCOMES[query.connected]
    : query.disconnected === "1"
      ? { ok: true, text: "Disconnected. It no longer signs you in here." }
      : null;
  const onlyOne = !methods.hasPassword && methods.linked.filter((l) => l.offered).length <= 1;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Sign-in methods</h1>
      {outcome && (
        <p
          role={outcome.ok ? "status" : "alert"}
          className={
            outcome.ok
              ? "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          }
        >
          {outcome.text}
        </p>
      )}

      <section aria-labelledby="providers-heading" className="space-y-3">
        <h2 id="providers-heading" className="text-lg font-semibold">
          Connected providers
        </h2>
        <Table head={["Provider", "Email", "Connected", "Last used", ""]} empty={methods.linked.length === 0}>
          {methods.linked.map((l) => (
            <tr key={l.id}>
              <td>
                {l.name} {!l.offered && <Badge tone="amber">not offered by this shop now</Badge>}
              </td>
              <td className="break-all">{l.email ?? "—"}</td>
              <td className="whitespace-nowrap">{when(l.linkedAt)}</td>
              <td className="whitespace-nowrap">{l.lastUsedAt ? when(l.lastUsedAt) : "—"}</td>
              <td>
                <ActionForm
                  action={disconnectProviderAction.bind(null, slug, l.id)}
                  aria-label={`Disconnect ${l.name}`}
                  className="space-y-2"
                >
                  <SubmitButton tone="danger">Disconnect</SubmitButton>
                </ActionForm>
              </td>
            </tr>
          ))}
        </Table>
        {methods.linked.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No provider is connected to your account.
          </p>
        )}
        {onlyOne && methods.linked.length > 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            This is your only way to sign in: set a password or connect another provider before you disconnect
            it.
          </p>
        )}
      </section>

      {methods.connectable.length > 0 && (
        <Card title="Connect another">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            You will sign in at the provider and come back here. It then signs you in to this account at{" "}
            {store.name}.
          </p>
          {!methods.recent && (
            <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">{RECENT_SIGN_IN_REQUIRED}</p>
          )}
          <div className="flex flex-wrap gap-3">
            {methods.connectable.map((p) => (
              <ActionForm
                key={p.id}
                action={connectProviderAction.bind(null, slug, p.id)}
                aria-label={`Connect ${p.name}`}
                className="space-y-2"
              >
                <SubmitButton tone="plain">{`Connect ${p.name}`}</SubmitButton>
              </ActionForm>
            ))}
          </div>
        </Card>
      )}

      {methods.hasPassword ? (
        <Card title="Password">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            You can sign in with your email and password.{" "}
            <Link href={`${base}/account/password`} className="underline">
              Change your password
            </Link>
          </p>
        </Card>
      ) : (
        <Card title="Set a password">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Your account has no password yet. With one you can also sign in with your email ({me.email}).
          </p>
          {!methods.recent && (
            <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">{RECENT_SIGN_IN_REQUIRED}</p>
          )}
          <ActionForm action={setPasswordAction.bind(null, slug)} aria-label="Set a password">
            <Field
              name="new_password"
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 8 characters, at most 72 bytes, and hard to guess: a few unrelated words work well."
            />
            <Field
              name="confirm_password"
              label="Repeat the password"
              type="password"
              autoComplete="new-password"
              required
            />
            <SubmitButton>Set password</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
