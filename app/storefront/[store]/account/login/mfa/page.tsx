import type { Metadata } from "next";
import { MfaStep } from "@/components/mfa-step";
import { safeNext } from "@/lib/auth/safe-next";
import { storefrontPage } from "@/lib/storefront/context";
import { customerMfaAction } from "../../../actions";

export const metadata: Metadata = { title: "Sign in: code" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CustomerMfaPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const { store, base } = await storefrontPage(slug);
  const next = safeNext(typeof query.next === "string" ? query.next : null, base);
  return (
    <div className="grid overflow-hidden rounded-2xl border border-slate-200 bg-white md:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
      <section className="flex flex-col justify-center gap-3 bg-[var(--store-primary)] p-8 text-white">
        <p className="text-sm tracking-wide uppercase opacity-80">Welcome back</p>
        <h1 className="text-3xl font-bold">{store.name}</h1>
        <p className="opacity-90">One more step: your account is protected by two-factor sign-in.</p>
      </section>
      <section className="p-8">
        <MfaStep
          action={customerMfaAction.bind(null, slug)}
          next={next}
          loginHref={`${base}/account/login`}
        />
      </section>
    </div>
  );
}
