// The second step of a sign-in, the same in every area: a code from the authenticator app
// or one of the recovery codes.
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import type { ActionState } from "@/lib/actions";

export function MfaStep({
  action,
  next,
  loginHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  next: string | null;
  loginHref: string;
}) {
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">Two-factor sign-in</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Enter the 6-digit code from your authenticator app. Lost your device? Use one of your recovery
          codes.
        </p>
      </div>
      <ActionForm action={action} aria-label="Two-factor code">
        <input type="hidden" name="next" value={next ?? ""} />
        <Field
          name="code"
          label="Code"
          autoComplete="one-time-code"
          required
          maxLength={64}
          placeholder="123456"
        />
        <SubmitButton>Verify</SubmitButton>
      </ActionForm>
      <p className="text-sm">
        <Link href={loginHref} className="underline">
          Start over
        </Link>
      </p>
    </div>
  );
}
