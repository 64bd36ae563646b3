"use client";
// Confirmation of what cannot be undone: one accessible dialog (Headless UI: focus moves in,
// Escape and the backdrop cancel, focus returns to the button that opened it) for every area.
// The form stays in the page, so its answer (ActionForm's message or error) is shown there and
// its hidden action fields are in the server-rendered HTML; the dialog's button submits it
// through the `form` attribute.
import { Dialog, DialogBackdrop, DialogPanel, DialogTitle } from "@headlessui/react";
import { type ReactNode, useId, useState } from "react";
import { useFormStatus } from "react-dom";
import { ActionForm } from "@/components/forms";
import type { ActionState } from "@/lib/actions";

const triggerTones = {
  // The console's neutral dark button (sign-out in the header).
  solid:
    "bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300",
  // Outlined, like SubmitButton's danger tone: never the brand's own colour.
  danger:
    "border border-red-700 bg-white px-3 py-2 font-medium text-red-700 hover:bg-red-50 dark:border-red-400 dark:bg-transparent dark:text-red-300 dark:hover:bg-red-950",
  plain:
    "border border-slate-300 px-3 py-2 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
};

export type ConfirmText = {
  /** The dialog's heading, a question: "Suspend ORION?" */
  title: string;
  /** What happens, in a sentence or two. */
  description: ReactNode;
  /** The dialog's button names the thing: "Suspend ORION". */
  confirmLabel: string;
};

/** The dialog itself; its confirm button submits the form `formId`. */
function ConfirmDialog({
  open,
  onClose,
  formId,
  title,
  description,
  confirmLabel,
}: ConfirmText & { open: boolean; onClose: () => void; formId: string }) {
  return (
    <Dialog open={open} onClose={onClose} className="relative z-50">
      <DialogBackdrop className="fixed inset-0 bg-black/50 dark:bg-black/70" />
      <div className="fixed inset-0 flex items-center justify-center p-4">
        <DialogPanel className="w-full max-w-sm rounded-xl bg-white p-6 text-slate-900 shadow-xl dark:border dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
          <DialogTitle className="text-lg font-semibold">{title}</DialogTitle>
          <div className="mt-2 text-sm text-slate-600 dark:text-slate-300">{description}</div>
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <button
              type="button"
              autoFocus
              onClick={onClose}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
            >
              Cancel
            </button>
            <ConfirmSubmit formId={formId}>{confirmLabel}</ConfirmSubmit>
          </div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}

function ConfirmSubmit({ formId, children }: { formId: string; children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      form={formId}
      disabled={pending}
      className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600 disabled:opacity-60"
    >
      {children}
    </button>
  );
}

/** The button that opens the dialog; it never submits on its own. */
function Trigger({
  tone,
  onOpen,
  name,
  children,
}: {
  tone: keyof typeof triggerTones;
  onOpen: () => void;
  name?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={name}
      aria-haspopup="dialog"
      className={`rounded-md text-sm ${triggerTones[tone]}`}
    >
      {children}
    </button>
  );
}

/**
 * A server action behind a confirmation, in an ActionForm: `children` (an explanation, say)
 * sit above the button; the dialog closes when the action answers.
 */
export function ConfirmButton({
  action,
  label,
  name,
  tone = "danger",
  className = "space-y-3",
  "aria-label": ariaLabel,
  children,
  ...text
}: ConfirmText & {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The button in the page: "Suspend store". */
  label: string;
  /** Its accessible name where the label repeats in a list: "Remove alice". */
  name?: string;
  tone?: keyof typeof triggerTones;
  className?: string;
  "aria-label"?: string;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <ActionForm
      action={action}
      id={id}
      className={className}
      aria-label={ariaLabel}
      onAnswer={() => setOpen(false)}
    >
      {children}
      <Trigger tone={tone} onOpen={() => setOpen(true)} name={name}>
        {label}
      </Trigger>
      <ConfirmDialog open={open} onClose={() => setOpen(false)} formId={id} {...text} />
    </ActionForm>
  );
}

/** A plain form action (sign-out redirects, it answers nothing) behind the same dialog. */
export function ConfirmFormButton({
  action,
  label,
  tone = "solid",
  ...text
}: ConfirmText & { action: () => Promise<void>; label: string; tone?: keyof typeof triggerTones }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <form action={action} id={id}>
      <Trigger tone={tone} onOpen={() => setOpen(true)}>
        {label}
      </Trigger>
      <ConfirmDialog open={open} onClose={() => setOpen(false)} formId={id} {...text} />
    </form>
  );
}
