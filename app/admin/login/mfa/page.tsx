import type { Metadata } from "next";
import { MfaStep } from "@/components/mfa-step";
import { ThemeToggle } from "@/components/theme-toggle";
import { safeNext } from "@/lib/auth/safe-next";
import { adminMfaAction } from "../actions";

export const metadata: Metadata = { title: "Admin sign in: code" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminMfaPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(typeof params.next === "string" ? params.next : null, "/admin");
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
          <MfaStep action={adminMfaAction} next={next} loginHref="/admin/login" />
        </div>
      </div>
    </main>
  );
}
