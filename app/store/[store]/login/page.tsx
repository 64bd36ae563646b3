import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { ThemeToggle } from "@/components/theme-toggle";
import { Toast } from "@/components/toast";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { safeNext } from "@/lib/auth/safe-next";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { storeLoginAction } from "./actions";

export const metadata: Metadata = { title: "Store sign in" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function StoreLoginPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const store = (await storeBySlug(slug))!;
  const home = `/store/${slug}`;
  const next = safeNext(typeof query.next === "string" ? query.next : null, home);
  if (await currentPagePrincipal("store", slug)) redirect(next ?? home);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <div>
            <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">
              {store.code} · store dashboard
            </p>
            <h1 className="text-2xl font-bold">{store.name}</h1>
          </div>
          <ThemeToggle />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <LoginForm action={storeLoginAction.bind(null, slug)} next={next} />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href={`/store/${slug}/forgot-password`} className="underline">
            Forgot your password?
          </Link>
        </p>
        <p className="mt-4 text-center text-xs text-slate-500">
          For the team of {store.name}. Platform admins sign in to the{" "}
          <Link href="/admin/login" className="underline">
            admin console
          </Link>
          .
        </p>
      </div>
      {query.signed_out === "1" && <Toast message="You have been signed out." />}
      {query.reset === "1" && <Toast message="Password changed. Sign in with the new one." />}
      {query.joined === "1" && <Toast message="Welcome to the team. Sign in to start." />}
    </main>
  );
}
