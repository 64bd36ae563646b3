// The frame of every sign-in page: the console card (admin console, store dashboards) with
// the area's heading and the colour-scheme switch, or the shop's two halves with the store's
// colour on one side. The frame is the area's (./frames.tsx); the form goes in as children.
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import type { Heading } from "./frames";

export function AuthCard({
  heading,
  children,
  below,
  notices,
}: {
  heading: Heading;
  children: ReactNode;
  /** Under the card: links and the line that says who the page is for. */
  below?: ReactNode;
  /** Toasts of the page's query (signed out, password changed). */
  notices?: ReactNode;
}) {
  if (heading.shell === "shop") {
    return (
      <div className="grid overflow-hidden rounded-2xl border border-slate-200 bg-white md:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
        <section className="flex flex-col justify-center gap-3 bg-[var(--store-primary)] p-8 text-white">
          <p className="text-sm tracking-wide uppercase opacity-80">{heading.eyebrow}</p>
          <h1 className="text-3xl font-bold">{heading.title}</h1>
          <p className="opacity-90">{heading.blurb}</p>
        </section>
        <section className="p-8">{children}</section>
        {notices}
      </div>
    );
  }
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <div>
            <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">
              {heading.eyebrow}
            </p>
            <h1 className="text-2xl font-bold">{heading.title}</h1>
          </div>
          <ThemeToggle />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {children}
        </div>
        {below}
      </div>
      {notices}
    </main>
  );
}
