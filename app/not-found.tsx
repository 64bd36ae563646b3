import Link from "next/link";

export default function NotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center"
    >
      <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">404 · Not found</p>
      <h1 className="text-2xl font-bold">There is nothing here</h1>
      <Link href="/" className="text-indigo-600 underline dark:text-indigo-400">
        Back to the start page
      </Link>
    </main>
  );
}
