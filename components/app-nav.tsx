"use client";
// The navigation of a signed-in area. From `sm` up its links sit in a row (or a column beside
// the page); below `sm` they fold behind a "Menu" disclosure button (aria-expanded, aria-controls,
// Escape closes it and gives the focus back). Until the script runs — or when it never does —
// the fold is a native <details>, so every link is reachable without JavaScript too.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type KeyboardEvent, useId, useRef, useState, useSyncExternalStore } from "react";

export type NavItem = {
  href: string;
  label: string;
  /** Current only on its own path (an area's home), not on the pages below it. */
  exact?: boolean;
};

/** The item of the page at `pathname`: its own link, else the deepest one above it. */
function currentHref(items: NavItem[], pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const hit = pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
    if (hit && (!best || item.href.length > best.href.length)) best = item;
  }
  return best?.href;
}

const noSubscription = () => () => {};

export function AppNav({
  label,
  items,
  vertical = false,
  className = "",
}: {
  label: string;
  items: NavItem[];
  /** A column beside the page from `md` up (the shopper's account). */
  vertical?: boolean;
  className?: string;
}) {
  const pathname = usePathname();
  const current = currentHref(items, pathname);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // True once hydrated: the server (and a browser without script) renders the <details> form.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  const rows = vertical ? "sm:flex-row sm:flex-wrap md:flex-col" : "sm:flex-row sm:flex-wrap";
  const links = (listClass: string, id?: string) => (
    <ul id={id} className={`flex-col gap-1 ${rows} ${listClass}`}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={item.href === current ? "page" : undefined}
            className="block rounded-md px-3 py-2 hover:bg-slate-100 aria-[current=page]:bg-slate-200 aria-[current=page]:font-semibold sm:py-1.5 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-700"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  const toggleClass =
    "flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-700";

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpenOn(null);
      button.current?.focus();
    }
  }

  return (
    <nav aria-label={label} className={`text-sm ${className}`} onKeyDown={onKeyDown}>
      {scripted ? (
        <>
          <button
            ref={button}
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpenOn(open ? null : pathname)}
            className={`${toggleClass} sm:hidden`}
          >
            Menu <span aria-hidden="true">{open ? "▴" : "▾"}</span>
          </button>
          {links(`${open ? "mt-2 flex" : "hidden"} sm:mt-0 sm:flex`, listId)}
        </>
      ) : (
        <>
          <details className="sm:hidden">
            <summary className={`${toggleClass} w-fit cursor-pointer`}>Menu</summary>
            {links("mt-2 flex")}
          </details>
          {links("hidden sm:flex")}
        </>
      )}
    </nav>
  );
}
