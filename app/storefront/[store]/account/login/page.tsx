import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { SocialSignIn } from "@/components/social-sign-in";
import { Toast } from "@/components/toast";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { safeNext } from "@/lib/auth/safe-next";
import { signInButtonsOf } from "@/lib/auth/social/providers";
import { storefrontPage } from "@/lib/storefront/context";
import { customerLoginAction } from "../../actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CustomerLoginPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const { store, base } = await storefrontPage(slug);
  const next = safeNext(typeof query.next === "string" ? query.next : null, base);
  if (await currentPagePrincipal("customer", slug)) redirect(next ?? `${base}/account`);
  return (
    <div className="grid overflow-hidden rounded-2xl border border-slate-200 bg-white md:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
      <section className="flex flex-col justify-center gap-3 bg-[var(--store-primary)] p-8 text-white">
        <p className="text-sm tracking-wide uppercase opacity-80">Welcome back</p>
        <h1 className="text-3xl font-bold">{store.name}</h1>
        <p className="opacity-90">Sign in to see your orders, addresses and wishlist.</p>
      </section>
      <section className="p-8">
        <h2 className="mb-4 text-xl font-semibold">Sign in</h2>
        <LoginForm action={customerLoginAction.bind(null, slug)} next={next} identifierLabel="Email" />
        <SocialSignIn providers={await signInButtonsOf(store)} base={base} next={next} />
        <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
          <Link href={`${base}/account/register`} className="underline">
            Create an account
          </Link>
          <Link href={`${base}/account/forgot-password`} className="underline">
            Forgot your password?
          </Link>
        </div>
      </section>
      {query.signed_out === "1" && <Toast message="You have been signed out." />}
      {query.reset === "1" && <Toast message="Password changed. Sign in with the new one." />}
    </div>
  );
}
