"use client";
// A link of a navigation bar that knows whether it is the page on screen: aria-current="page"
// for screen readers and the same state drawn for everyone (data-current, styled by the nav).
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * `exact`: only the link's own address is its page (an area's home); otherwise the pages under
 * it count too (an order under Orders).
 */
export function NavLink({
  href,
  exact = false,
  className,
  currentClassName = "data-current:bg-slate-200 data-current:font-semibold dark:data-current:bg-slate-700",
  "aria-label": ariaLabel,
  children,
}: {
  href: string;
  exact?: boolean;
  className?: string;
  /** How the current page's link looks (on a coloured header: underlined, not tinted). */
  currentClassName?: string;
  /** What a screen reader says instead of the text (a count beside it, say). */
  "aria-label"?: string;
  children: ReactNode;
}) {
  const path = usePathname();
  const here = path === href;
  const within = here || (!exact && path.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-label={ariaLabel}
      aria-current={here ? "page" : within ? "true" : undefined}
      data-current={within ? "" : undefined}
      className={`${className ?? ""} ${currentClassName}`}
    >
      {children}
    </Link>
  );
}
