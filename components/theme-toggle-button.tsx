"use client";
// Light/dark switch, remembered in a cookie the root layout reads. Until it is used the page
// follows the system's colour scheme (pure CSS, app/globals.css); the visible label follows the
// same CSS, so it is right on the first paint, and the spoken one catches up once this runs.
import { useEffect, useState } from "react";

const SYSTEM_DARK = "(prefers-color-scheme: dark)";

/** `chosen`: the scheme the cookie holds, or null when the toggle was never used. */
export function ThemeToggleButton({ chosen }: { chosen: "light" | "dark" | null }) {
  const [dark, setDark] = useState(chosen === "dark");
  const [picked, setPicked] = useState(chosen !== null);
  useEffect(() => {
    if (picked) return;
    const system = window.matchMedia(SYSTEM_DARK);
    const follow = () => setDark(system.matches);
    follow();
    system.addEventListener("change", follow);
    return () => system.removeEventListener("change", follow);
  }, [picked]);
  function toggle() {
    const next = !dark;
    const html = document.documentElement.classList;
    html.toggle("dark", next);
    html.toggle("light", !next);
    document.cookie = `theme=${next ? "dark" : "light"}; Path=/; Max-Age=31536000; SameSite=Lax`;
    setPicked(true);
    setDark(next);
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={dark ? "Switch to light mode" : "Switch to dark mode"}
      aria-pressed={dark}
      className="rounded-md border border-slate-400/50 px-2.5 py-1.5 text-sm hover:bg-slate-500/15"
    >
      <span className="dark:hidden">☾ Dark</span>
      <span className="hidden dark:inline">☀ Light</span>
    </button>
  );
}
