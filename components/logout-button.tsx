"use client";
// Sign-out behind an accessible confirmation dialog (focus trap, Escape and backdrop close).
import { Dialog, DialogBackdrop, DialogPanel, DialogTitle } from "@headlessui/react";
import { useState } from "react";

export function LogoutButton({ action }: { action: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300"
      >
        Sign out
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} className="relative z-50">
        <DialogBackdrop className="fixed inset-0 bg-black/50 dark:bg-black/70" />
        <div className="fixed inset-0 flex items-center justify-center p-4">
          <DialogPanel className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl dark:border dark:border-slate-700 dark:bg-slate-900">
            <DialogTitle className="text-lg font-semibold">Sign out?</DialogTitle>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              This ends your session on this device. You will need to sign in again.
            </p>
            <form action={action} className="mt-6 flex justify-end gap-3">
              <button
                type="button"
                autoFocus
                onClick={() => setOpen(false)}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
              >
                Cancel
              </button>
              <button
                type="submit"
                className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-500"
              >
                Sign out
              </button>
            </form>
          </DialogPanel>
        </div>
      </Dialog>
    </>
  );
}
