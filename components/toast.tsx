"use client";
// A short status message announced to screen readers, dismissed by time or by hand.
import { useEffect, useState } from "react";

export function Toast({ message }: { message: string }) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setOpen(false), 8000);
    return () => clearTimeout(timer);
  }, []);
  if (!open) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      className="fixed right-4 bottom-4 z-50 flex items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
    >
      <span>{message}</span>
      <button
        type="button"
        onClick={() => setOpen(false)}
        aria-label="Dismiss"
        className="opacity-70 hover:opacity-100"
      >
        ✕
      </button>
    </div>
  );
}
