"use client";
// Light/dark switch, remembered in a cookie the root layout reads.
import { useState } from "react";

export function ThemeToggleButton({ initialDark }: { initialDark: boolean }) {
  const [dark, setDark] = useState(initialDark);
  function toggle() {
    const next = !dark;
    document.documentElement.classList.toggle("dark", next);
    document.cookie = `theme=${next ? "dark" : "light"}; Path=/; Max-Age=31536000; SameSite=Lax`;
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
      {dark ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
