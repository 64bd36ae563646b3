import type { Metadata } from "next";

export const metadata: Metadata = { title: "Store unavailable" };

export default function StoreUnavailable() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold tracking-wide text-amber-600 uppercase">503 · Unavailable</p>
      <h1 className="text-2xl font-bold">This store is currently unavailable</h1>
      <p className="text-slate-600 dark:text-slate-400">Please come back later.</p>
    </main>
  );
}
