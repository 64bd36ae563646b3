import type { Metadata } from "next";
import { MfaStep } from "@/components/mfa-step";
import { ThemeToggle } from "@/components/theme-toggle";
import { safeNext } from "@/lib/auth/safe-next";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { storeMfaAction } from "../actions";

export const metadata: Metadata = { title: "Store sign in: code" };

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function StoreMfaPage({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const store = (await storeBySlug(slug))!;
  const next = safeNext(typeof query.next === "string" ? query.next : null, `/store/${slug}`);
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
          <MfaStep action={storeMfaAction.bind(null, slug)} next={next} loginHref={`/store/${slug}/login`} />
        </div>
      </div>
    </main>
  );
}
