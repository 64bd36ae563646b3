import Link from "next/link";
import { ThemeToggle } from "@/components/theme-toggle";

export default function Home() {
  return (
    <main id="main" className="mx-auto max-w-2xl p-6 sm:p-12">
      <div className="flex items-center justify-between">
        <h1 className="text-3xl font-bold">Orion</h1>
        <ThemeToggle />
      </div>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        A multi-tenant commerce platform. Each area has its own sign-in and its own session.
      </p>
      <ul className="mt-8 space-y-3">
        <li>
          <Link
            href="/admin"
            className="block rounded-lg border border-slate-200 p-4 hover:border-indigo-400 dark:border-slate-800"
          >
            <span className="font-semibold">Admin console</span>
            <span className="block text-sm text-slate-500">Platform administrators</span>
          </Link>
        </li>
        <li>
          {/* Not a page of the app: a document of its own, loaded in full. */}
          <a
            href="/developers/api"
            className="block rounded-lg border border-slate-200 p-4 hover:border-indigo-400 dark:border-slate-800"
          >
            <span className="font-semibold">API reference</span>
            <span className="block text-sm text-slate-500">The JSON API, for developers</span>
          </a>
        </li>
      </ul>
    </main>
  );
}
