"use client";

// The sign-in form of every area; the area's server action is passed in.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

export function LoginForm({
  action: loginAction,
  next,
  identifierLabel = "Email or username",
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  next: string | null;
  identifierLabel?: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(loginAction, {});
  const fieldError = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="space-y-5">
      {state.error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
        >
          {state.error}
        </p>
      )}
      <input type="hidden" name="next" value={next ?? ""} />
      <div>
        <label htmlFor="email_or_username" className="block text-sm font-medium">
          {identifierLabel}
        </label>
        <input
          id="email_or_username"
          name="email_or_username"
          autoComplete="username"
          required
          maxLength={254}
          defaultValue={state.values?.email_or_username ?? ""}
          aria-invalid={Boolean(fieldError("email_or_username"))}
          className={input}
        />
        {fieldError("email_or_username") && (
          <p className="mt-1 text-sm text-red-600 dark:text-red-400">{fieldError("email_or_username")}</p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(fieldError("password"))}
          className={input}
        />
        {fieldError("password") && (
          <p className="mt-1 text-sm text-red-600 dark:text-red-400">{fieldError("password")}</p>
        )}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="remember_me" className="rounded border-slate-300" />
        Remember me on this device
      </label>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-[var(--brand,#4f46e5)] px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
