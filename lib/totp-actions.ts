// The two-factor settings form of every area as one server-action step machine: set up
// (password → QR code), confirm (code → recovery codes), turn off, renew recovery codes.
import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { type ActionState, parseForm } from "@/lib/actions";
import { ApiError, type FieldError } from "@/lib/http/errors";
import { textField } from "@/lib/validation";
import {
  type TotpHolder,
  changeSchema,
  confirmSetup,
  enableSchema,
  renewRecoveryCodes,
  setupSchema,
  startSetup,
  turnOff,
} from "@/lib/auth/totp-account";

export type TotpStep = "setup" | "enable" | "disable" | "recovery";

export type TotpState = ActionState & {
  /** The set-up step: the secret to type in, and the QR code of its otpauth URI. */
  setup?: { secret: string; uri: string; qr: { size: number; path: string } };
  /** Shown once, after enabling or renewing. */
  recoveryCodes?: string[];
  /** True once two-factor was turned off. */
  disabled?: boolean;
};

/** The QR code as one SVG path (a unit square per dark module), drawn by the page as data. */
function qrPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join("") };
}

/** The form sends one field for either kind of code; six digits are an app code. */
const changeForm = z
  .object({ password: z.string(), code: textField().max(64) })
  .transform(({ password, code }): { password: string; code?: string; recovery_code?: string } => {
    const compact = code.replace(/\s/g, "");
    return /^\d{6}$/.test(compact) ? { password, code: compact } : { password, recovery_code: code };
  })
  .pipe(changeSchema);

export async function runTotpStep(
  step: TotpStep,
  holder: () => Promise<TotpHolder | null>,
  formData: FormData,
): Promise<TotpState> {
  const schemas = { setup: setupSchema, enable: enableSchema, disable: changeForm, recovery: changeForm };
  const parsed = await parseForm(formData, schemas[step]);
  if (!parsed.ok) return parsed.state;
  const who = await holder();
  if (!who) return { error: "Your session has ended. Sign in again." };
  const { data, ctx } = parsed;
  try {
    switch (step) {
      case "setup": {
        const { secret, uri } = await startSetup(who, (data as z.infer<typeof setupSchema>).password, ctx);
        return { setup: { secret, uri, qr: qrPath(uri) } };
      }
      case "enable":
        return {
          recoveryCodes: await confirmSetup(who, (data as z.infer<typeof enableSchema>).code, ctx),
          message: "Two-factor sign-in is on. Your other sessions have been signed out.",
        };
      case "disable":
        await turnOff(who, data as z.infer<typeof changeSchema>, ctx);
        return {
          disabled: true,
          message: "Two-factor sign-in is off. Your other sessions have been signed out.",
        };
      case "recovery":
        return {
          recoveryCodes: await renewRecoveryCodes(who, data as z.infer<typeof changeSchema>, ctx),
          message: "New recovery codes. The old ones no longer work.",
        };
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fields = Array.isArray(error.details)
      ? Object.fromEntries(
          (error.details as FieldError[]).map((e) => [
            e.field === "recovery_code" ? "code" : e.field,
            e.message,
          ]),
        )
      : undefined;
    return { error: fields ? undefined : error.message, fieldErrors: fields };
  }
}
