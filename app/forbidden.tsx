import Link from "next/link";

export default function Forbidden() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center"
    >
      <p className="text-sm font-semibold tracking-wide text-red-600 uppercase">403 · Forbidden</p>
      <h1 className="text-2xl font-bold">This area is not for your account</h1>
      <p className="text-slate-600 dark:text-slate-400">
        You are signed in, but not as someone who may open this page. Admins use the admin console, store
        teams their store dashboard, and shoppers their store&apos;s account pages.
      </p>
      <Link href="/" className="text-indigo-600 underline dark:text-indigo-400">
        Back to the start page
      </Link>
    </main>
  );
}
