"use client";
// Two-factor sign-in settings, the same in every area: set up with the password, scan the QR
// code (or type the key), confirm with a code, keep the recovery codes; renew them or turn
// two-factor off with the password and a code.
import { useRouter } from "next/navigation";
import { type ReactNode, useActionState } from "react";
import { useFormStatus } from "react-dom";
import { inputClass } from "@/components/forms";
import type { TotpState } from "@/lib/totp-actions";

type Step = (state: TotpState, formData: FormData) => Promise<TotpState>;

export type TwoFactorStatus = { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number };

function Submit({
  children,
  tone = "primary",
}: {
  children: ReactNode;
  tone?: "primary" | "danger" | "plain";
}) {
  const { pending } = useFormStatus();
  const tones = {
    primary: "bg-[var(--brand,#4f46e5)] text-white hover:opacity-90",
    danger: "bg-red-600 text-white hover:bg-red-500",
    plain: "border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}
    >
      {children}
    </button>
  );
}

function Input({
  state,
  name,
  label,
  ...rest
}: { state: TotpState; name: string; label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = rest.id ?? `totp-${name}`;
  const error = state.fieldErrors?.[name];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input name={name} required aria-invalid={Boolean(error)} className={inputClass} {...rest} id={id} />
      {error && <p className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

function Alert({ state }: { state: TotpState }) {
  if (state.error) {
    return (
      <p
        role="alert"
        className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
      >
        {state.error}
      </p>
    );
  }
  if (state.message) {
    return (
      <p
        role="status"
        className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
      >
        {state.message}
      </p>
    );
  }
  return null;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Keep these recovery codes somewhere safe, such as a password manager. Each one signs you in once if
        you lose your device. They are shown only now.
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onDone}
        className="rounded-md bg-[var(--brand,#4f46e5)] px-3 py-2 text-sm font-medium text-white hover:opacity-90"
      >
        I have saved them
      </button>
    </div>
  );
}

function PasswordAndCode({ state, prefix }: { state: TotpState; prefix: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Input
        state={state}
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        id={`${prefix}-password`}
      />
      <Input
        state={state}
        name="code"
        label="Code from your app, or a recovery code"
        autoComplete="one-time-code"
        maxLength={64}
        id={`${prefix}-code`}
      />
    </div>
  );
}

export function TwoFactorSettings({
  status,
  actions,
}: {
  status: TwoFactorStatus;
  actions: { setup: Step; enable: Step; disable: Step; recovery: Step };
}) {
  const router = useRouter();
  const [setupState, setup] = useActionState(actions.setup, {});
  const [enableState, enable] = useActionState(actions.enable, {});
  const [recoveryState, recovery] = useActionState(actions.recovery, {});
  const [disableState, disable] = useActionState(actions.disable, {});
  const done = () => router.refresh();

  if (!status.enabled) {
    if (enableState.recoveryCodes) {
      return (
        <div className="space-y-3">
          <Alert state={enableState} />
          <RecoveryCodes codes={enableState.recoveryCodes} onDone={done} />
        </div>
      );
    }
    if (setupState.setup) {
      const { secret, qr } = setupState.setup;
      const quiet = 4;
      return (
        <div className="space-y-4">
          <p className="text-sm">
            Scan this code with your authenticator app (1Password, Google Authenticator, Authy…), then enter
            the code it shows.
          </p>
          <div className="flex flex-wrap items-center gap-6">
            <svg
              role="img"
              aria-label="QR code for your authenticator app"
              viewBox={`${-quiet} ${-quiet} ${qr.size + 2 * quiet} ${qr.size + 2 * quiet}`}
              className="h-48 w-48 rounded-md bg-white"
              shapeRendering="crispEdges"
            >
              <rect
                x={-quiet}
                y={-quiet}
                width={qr.size + 2 * quiet}
                height={qr.size + 2 * quiet}
                fill="#fff"
              />
              <path d={qr.path} fill="#000" />
            </svg>
            <div className="text-sm">
              <p className="text-slate-600 dark:text-slate-400">Or type this key:</p>
              <p data-testid="totp-secret" className="mt-1 font-mono break-all">
                {secret.match(/.{1,4}/g)!.join(" ")}
              </p>
            </div>
          </div>
          <form action={enable} className="space-y-3" aria-label="Confirm two-factor">
            <Alert state={enableState} />
            <Input
              state={enableState}
              name="code"
              label="Code from your app"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
            />
            <Submit>Turn on two-factor sign-in</Submit>
          </form>
        </div>
      );
    }
    return (
      <form action={setup} className="space-y-3" aria-label="Set up two-factor">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Two-factor sign-in is <strong>off</strong>. With it on, signing in also asks for a code from an app
          on your phone.
        </p>
        <Alert state={setupState} />
        <Input
          state={setupState}
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
        />
        <Submit>Set up two-factor sign-in</Submit>
      </form>
    );
  }

  if (recoveryState.recoveryCodes) {
    return (
      <div className="space-y-3">
        <Alert state={recoveryState} />
        <RecoveryCodes codes={recoveryState.recoveryCodes} onDone={done} />
      </div>
    );
  }
  if (disableState.disabled) {
    return (
      <div className="space-y-3">
        <Alert state={disableState} />
        <button
          type="button"
          onClick={done}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700"
        >
          OK
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <p className="text-sm">
        Two-factor sign-in is <strong>on</strong>
        {status.enabledAt && <> since {new Date(status.enabledAt).toISOString().slice(0, 10)}</>}.{" "}
        <span data-testid="recovery-codes-left">{status.recoveryCodesLeft}</span> recovery codes left.
      </p>
      <form action={recovery} className="space-y-3" aria-label="New recovery codes">
        <h3 className="font-medium">New recovery codes</h3>
        <Alert state={recoveryState} />
        <PasswordAndCode state={recoveryState} prefix="recovery" />
        <Submit tone="plain">Make new recovery codes</Submit>
      </form>
      <form action={disable} className="space-y-3" aria-label="Turn off two-factor">
        <h3 className="font-medium">Turn off</h3>
        <Alert state={disableState} />
        <PasswordAndCode state={disableState} prefix="disable" />
        <Submit tone="danger">Turn off two-factor sign-in</Submit>
      </form>
    </div>
  );
}
