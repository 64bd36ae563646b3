// The end of a sign-in form in every area: the session cookies and the page asked for, or
// the pending second step's cookie and the code page (docs/security.md, S35).
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, parseForm } from "@/lib/actions";
import type { RequestContext } from "@/lib/http";
import { textField } from "@/lib/validation";
import { AREAS, type AreaName, type CookieScope } from "./areas";
import { clearedMfaCookie, mfaCookie, soleCookie } from "./cookies";
import { ApiError } from "@/lib/http/errors";
import { type IssuedTokens, type MfaLoginInput, type MfaRequired, sessionCookies } from "./login";
import { CHALLENGE } from "./mfa";
import { safeNext } from "./safe-next";

/** `mfaPath` is the code page when a sign-in asks for its second step (accepting an invitation has its own). */
export async function finishPageLogin(
  area: AreaName,
  scope: CookieScope,
  result: { tokens: IssuedTokens } | MfaRequired,
  next: string | null | undefined,
  mfaPath = AREAS[area].mfaPath(scope),
): Promise<never> {
  const jar = await cookies();
  const home = AREAS[area].homePath(scope);
  const safe = safeNext(next, AREAS[area].cookiePath(scope));
  if ("mfaRequired" in result) {
    jar.set(mfaCookie(area, scope, result.mfaToken, CHALLENGE.seconds));
    redirect(
      safe ? `${mfaPath}${mfaPath.includes("?") ? "&" : "?"}next=${encodeURIComponent(safe)}` : mfaPath,
    );
  }
  for (const spec of [...sessionCookies(area, scope, result.tokens), clearedMfaCookie(area, scope)])
    jar.set(spec);
  redirect(safe ?? home);
}

const mfaForm = z.object({
  code: textField().min(1, { message: "Enter the code from your app or a recovery code" }).max(64),
  // A redirect target, judged (and dropped when unsafe) by safeNext, never refused.
  next: z.string().optional(),
});

/** A six-digit code is an app code; anything else is tried as a recovery code. */
function asSecondFactor(code: string): Pick<MfaLoginInput, "code" | "recovery_code"> {
  const compact = code.replace(/\s/g, "");
  return /^\d{6}$/.test(compact)
    ? { code: compact }
    : { recovery_code: code.replace(/[\s-]/g, "").toUpperCase() };
}

/** The code page's action: the challenge from its cookie, the code from the form. */
export async function mfaPageAction(
  area: AreaName,
  scope: CookieScope,
  complete: (input: MfaLoginInput, ctx: RequestContext) => Promise<{ tokens: IssuedTokens }>,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, mfaForm);
  if (!parsed.ok) return parsed.state;
  const jar = await cookies();
  const token = soleCookie((await headers()).get("cookie"), AREAS[area].mfaCookie);
  if (!token) return { error: new ApiError("MFA_CHALLENGE_INVALID").message };
  let result: { tokens: IssuedTokens };
  try {
    result = await complete({ mfa_token: token, ...asSecondFactor(parsed.data.code) }, parsed.ctx);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "MFA_CHALLENGE_INVALID") jar.set(clearedMfaCookie(area, scope));
    if (error.code === "VALIDATION_ERROR")
      return { fieldErrors: { code: "Enter the 6-digit code from your app or a recovery code" } };
    return { error: error.message };
  }
  return finishPageLogin(area, scope, result, parsed.data.next);
}
