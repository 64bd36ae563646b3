"use client";
// Forms that post to a server action and show its answer: the error or success message, and
// each field's own error under the field. Values typed are shown again; passwords never.
import { createContext, type ReactNode, use, useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";

const FormState = createContext<ActionState>({});
/** Put before the ids of a form's fields, where the same form is on the page more than once. */
const FieldIds = createContext("");

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/** Calls `fn` whenever `value` changes after the first render (an action's new answer). */
function useOnChange<T>(value: T, fn?: () => void) {
  const first = useRef(value);
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => {
    if (value !== first.current) latest.current?.();
  }, [value]);
}

export function ActionForm({
  action,
  children,
  className = "space-y-4",
  id,
  onAnswer,
  "aria-label": ariaLabel,
  idPrefix = "",
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  id?: string;
  /** Called each time the action answers (a confirmation dialog closes then). */
  onAnswer?: () => void;
  "aria-label"?: string;
  /** For a form repeated on one page (an address each): keeps its fields' ids, and labels, apart. */
  idPrefix?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  useOnChange(state, onAnswer);
  return (
    <form action={formAction} id={id} className={className} aria-label={ariaLabel}>
      <FormState value={state}>
        <FieldIds value={idPrefix}>
          {state.error && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
            >
              {state.error}
            </p>
          )}
          {state.message && (
            <div
              role="status"
              className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
            >
              <p>{state.message}</p>
              {state.detail && (
                <input
                  readOnly
                  value={state.detail}
                  aria-label="Link to copy"
                  onFocus={(e) => e.currentTarget.select()}
                  className="mt-2 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-emerald-800 dark:bg-slate-900 dark:text-slate-100"
                />
              )}
            </div>
          )}
          {children}
        </FieldIds>
      </FormState>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  step?: string;
  min?: number;
  maxLength?: number;
  hint?: string;
};

export function Field({ name, label, type = "text", defaultValue, hint, ...rest }: FieldProps) {
  const state = use(FormState);
  const error = state.fieldErrors?.[name];
  const echoed = type === "password" ? undefined : state.values?.[name];
  const id = `${use(FieldIds)}field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={echoed ?? (defaultValue === null ? undefined : defaultValue)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
        {...rest}
      />
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function FieldError({ name }: { name: string }) {
  const error = use(FormState).fieldErrors?.[name];
  return error ? <p className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p> : null;
}

export function SubmitButton({
  children,
  tone = "primary",
  of,
}: {
  children: ReactNode;
  tone?: "primary" | "danger" | "plain";
  /** What a button repeated in a list acts on, said to screen readers: "Deactivate" + " alice". */
  of?: string;
}) {
  const { pending } = useFormStatus();
  const tones = {
    // --brand is the store's colour inside a storefront, indigo elsewhere.
    primary: "bg-[var(--brand,#4f46e5)] text-white hover:opacity-90",
    // Outlined, so it never looks like the brand's own button, even in a red brand.
    danger:
      "border border-red-700 bg-white text-red-700 hover:bg-red-50 dark:border-red-400 dark:bg-transparent dark:text-red-300 dark:hover:bg-red-950",
    plain: "border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}
    >
      {pending ? (
        "Working…"
      ) : tone === "danger" ? (
        // A mark besides the colour, so a danger button is told apart in any brand and to any eye.
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true">⚠</span>
          {children}
        </span>
      ) : (
        children
      )}
      {of && <span className="sr-only"> {of}</span>}
    </button>
  );
}

/** The change-password form of every area: current password, the new one twice. */
export function ChangePasswordForm({
  action,
  minLength,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  minLength: number;
}) {
  return (
    <ActionForm action={action} aria-label="Change password">
      <Field
        name="current_password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        name="new_password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${minLength} characters, at most 72 bytes, and hard to guess: a few unrelated words work well.`}
      />
      <Field
        name="confirm_password"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
      />
      <SubmitButton>Change password</SubmitButton>
    </ActionForm>
  );
}
