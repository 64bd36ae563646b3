import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ThemeToggle } from "@/components/theme-toggle";
import { Toast } from "@/components/toast";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { safeNext } from "@/lib/auth/safe-next";
import { LoginForm } from "@/components/login-form";
import { loginAction } from "./actions";

export const metadata: Metadata = { title: "Admin sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminLoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(typeof params.next === "string" ? params.next : null, "/admin");
  if (await currentPagePrincipal("admin")) redirect(next ?? "/admin");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <div>
            <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">
              Orion
            </p>
            <h1 className="text-2xl font-bold">Admin console</h1>
          </div>
          <ThemeToggle />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <LoginForm action={loginAction} next={next} />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href="/admin/forgot-password" className="underline">
            Forgot your password?
          </Link>
        </p>
        <p className="mt-4 text-center text-xs text-slate-500">For platform administrators only.</p>
      </div>
      {params.signed_out === "1" && <Toast message="You have been signed out." />}
      {params.reset === "1" && <Toast message="Password changed. Sign in with the new one." />}
    </main>
  );
}
