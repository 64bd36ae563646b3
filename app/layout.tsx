import type { Metadata } from "next";
import type { ReactNode } from "react";
import { themeChoice } from "@/components/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orion", template: "%s · Orion" },
  description: "Multi-tenant commerce platform",
  // The platform's icon; a shop with an uploaded logo shows that instead (storefront layout).
  icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The toggle's choice is a cookie, so the server renders it with no flash; with no choice the
  // class is left off and the CSS follows the system's scheme (app/globals.css).
  const theme = await themeChoice();
  return (
    <html lang="en" className={theme ?? undefined}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {/* The first stop of the keyboard: past the header and navigation to the page's own content. */}
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-indigo-600"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
