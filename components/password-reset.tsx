"use client";
// The "forgot password" and "choose a new password" forms of every area; the area's server
// action is passed in (components/auth/password-reset-pages.tsx).
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import type { ActionState } from "@/lib/actions";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ForgotPasswordForm({ action }: { action: Action }) {
  return (
    <ActionForm action={action} aria-label="Forgot password">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Enter your email and we will send you a link to choose a new password.
      </p>
      <Field name="email" label="Email" type="email" required autoComplete="email" />
      <SubmitButton>Send the link</SubmitButton>
    </ActionForm>
  );
}

export function ResetPasswordForm({
  action,
  token,
  minimum,
}: {
  action: Action;
  token: string;
  minimum: number;
}) {
  return (
    <ActionForm action={action} aria-label="Reset password">
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="New password"
        type="password"
        required
        autoComplete="new-password"
        hint={`At least ${minimum} characters, hard to guess: a few unrelated words work well`}
      />
      <Field
        name="confirm_password"
        label="Repeat the new password"
        type="password"
        required
        autoComplete="new-password"
      />
      <SubmitButton>Save the new password</SubmitButton>
    </ActionForm>
  );
}
