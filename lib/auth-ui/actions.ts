"use server";
// The eight sign-in behaviours every area shares, one server action each, bound by the page
// to its area and the URL's store: `loginAction.bind(null, { area, slug })`. The bound value
// comes back from the browser, so it is checked like any input; the guard then holds the
// session to that area and store, and what differs between the areas is a row of the area
// table (lib/auth/areas.ts) or of AUTH_UI (./rows.ts).
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, apiErrorState, assertSameOriginAction, parseForm, runAction } from "@/lib/actions";
import { AREAS, isAreaName } from "@/lib/auth/areas";
import { clearedCookies } from "@/lib/auth/cookies";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { endSession, loginSchema } from "@/lib/auth/login";
import { finishPageLogin, mfaPageAction } from "@/lib/auth/page-login";
import {
  FORGOT_ANSWER,
  RESET_REFUSED,
  forgotSchema,
  requestPasswordReset,
  resetPassword,
} from "@/lib/auth/reset";
import { endOtherSessions, endOwnSession } from "@/lib/auth/session-list";
import { totpHolder } from "@/lib/auth/totp-account";
import { ApiError } from "@/lib/http/errors";
import type { RequestContext } from "@/lib/http";
import { type TotpState, type TotpStep, runTotpStep } from "@/lib/totp-actions";
import { booleanField, idParam } from "@/lib/validation";
import { AUTH_UI, type AuthAt, type AuthPlace, resetForm, sessionOwnerOf } from "./rows";

const TOTP_STEPS: readonly TotpStep[] = ["setup", "enable", "disable", "recovery"];

const NO_STORE: ActionState = { error: "This store does not exist." };

/** The bound value: an area's name, and the store's slug where the area has stores ("" where not). */
const authAt = z.object({ area: z.string().refine(isAreaName), slug: z.string().max(64) });

async function placeOf(at: AuthAt): Promise<AuthPlace | null> {
  const parsed = authAt.safeParse(at);
  if (!parsed.success || (AREAS[at.area].storeScoped && !at.slug)) return null;
  return AUTH_UI[at.area].place(at.slug);
}

function signedIn({ area, slug }: AuthAt) {
  return { principal: () => currentPagePrincipal(area, AREAS[area].storeScoped ? slug : undefined) };
}

/** A signed-out form: parsed, then its area and store found, then `fn`. */
async function placed<S extends z.ZodType>(
  at: AuthAt,
  formData: FormData,
  form: { schema: S; echo?: string[] },
  fn: (place: AuthPlace, data: z.infer<S>, ctx: RequestContext) => Promise<ActionState>,
): Promise<ActionState> {
  const parsed = await parseForm(formData, form.schema, form.echo);
  if (!parsed.ok) return parsed.state;
  const place = await placeOf(at);
  return place ? fn(place, parsed.data, parsed.ctx) : NO_STORE;
}

const loginForm = loginSchema.extend({
  remember_me: booleanField.default(false),
  next: z.string().optional(),
});

/** Sign in: the password step, then the session or the code page. */
export async function loginAction(at: AuthAt, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return placed(
    at,
    formData,
    { schema: loginForm, echo: ["email_or_username"] },
    async (place, data, ctx) => {
      let result: Awaited<ReturnType<(typeof AUTH_UI)[AuthAt["area"]]["login"]>>;
      try {
        result = await AUTH_UI[at.area].login(place, data, ctx);
      } catch (error) {
        if (error instanceof ApiError)
          return { error: error.message, values: { email_or_username: data.email_or_username } };
        throw error;
      }
      return finishPageLogin(at.area, place.scope, result, data.next);
    },
  );
}

/** The code page: the challenge from its cookie, the code from the form. */
export async function mfaAction(at: AuthAt, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const place = await placeOf(at);
  if (!place) return NO_STORE;
  const complete = AUTH_UI[at.area].completeMfa;
  return mfaPageAction(at.area, place.scope, (input, ctx) => complete(place, input, ctx), formData);
}

/** Sign out: the session ended, its cookies deleted, the login page with a notice. */
export async function logoutAction(at: AuthAt): Promise<void> {
  const place = await placeOf(at);
  if (!place) redirect("/");
  const def = AREAS[at.area];
  const ctx = await assertSameOriginAction();
  if (!ctx) redirect(def.homePath(place.scope));
  const principal = await signedIn(at).principal();
  if (principal) {
    const { userId, customerId } = sessionOwnerOf(principal);
    const storeId = "store" in principal ? principal.store.id : undefined;
    await endSession(at.area, { id: principal.sessionId, userId, customerId, storeId }, ctx);
  }
  const jar = await cookies();
  for (const spec of clearedCookies(at.area, place.scope)) jar.set(spec);
  redirect(`${def.loginPath(place.scope)}?signed_out=1`);
}

/** Forgot password: a link by mail, and the same answer whatever the address. */
export async function forgotPasswordAction(
  at: AuthAt,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return placed(at, formData, { schema: forgotSchema, echo: ["email"] }, async (place, data, ctx) => {
    const row = AUTH_UI[at.area];
    await requestPasswordReset(row.resetTarget(place), data.email, (t) => row.resetLink(place, t), ctx);
    return { message: `Check your email. ${FORGOT_ANSWER}` };
  });
}

/** A new password from a reset link, then the login page with a notice. */
export async function resetPasswordAction(
  at: AuthAt,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const schema = resetForm(isAreaName(at?.area) ? at.area : "admin");
  return placed(at, formData, { schema }, async (place, data, ctx) => {
    try {
      if (!(await resetPassword(at.area, place.store?.id ?? null, data.token, data.password, ctx)))
        return { error: RESET_REFUSED };
    } catch (error) {
      if (error instanceof ApiError) return apiErrorState(error);
      throw error;
    }
    redirect(`${AREAS[at.area].loginPath(place.scope)}?reset=1`);
  });
}

/** A signed-in password change: the current one checked, the other sessions ended. */
export async function changePasswordAction(
  at: AuthAt,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  if (!authAt.safeParse(at).success) return NO_STORE;
  const row = AUTH_UI[at.area];
  return runAction(formData, { schema: row.passwordForm, ...signedIn(at) }, async (p, data, ctx) => {
    if (!(await row.changePassword(p, data, ctx)))
      return { fieldErrors: { current_password: "That is not your current password" } };
    return { message: "Password changed. Your other sessions have been signed out." };
  });
}

/** Ends one of the principal's own sessions, or with `id` null every one but this. */
export async function endSessionsAction(
  at: AuthAt,
  id: string | null,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const place = await placeOf(at);
  if (!place) return NO_STORE;
  return runAction(formData, { schema: z.object({}), ...signedIn(at) }, async (p) => {
    const owner = sessionOwnerOf(p);
    // Without it the list keeps showing the ended session until the page is reloaded.
    const shown = () => revalidatePath(AUTH_UI[at.area].sessionsPath(place));
    if (id === null) {
      const n = await endOtherSessions(owner, p.sessionId);
      shown();
      return { message: `${n} other session${n === 1 ? "" : "s"} signed out.` };
    }
    const ended = await endOwnSession(owner, idParam(id, "session"));
    shown();
    return ended ? { message: "That session is signed out." } : { error: "That session had already ended." };
  });
}

/** One step of the two-factor settings: set up, enable, turn off, renew recovery codes. */
export async function totpAction(
  at: AuthAt,
  step: TotpStep,
  _prev: TotpState,
  formData: FormData,
): Promise<TotpState> {
  if (!authAt.safeParse(at).success || !TOTP_STEPS.includes(step)) return NO_STORE;
  return runTotpStep(
    step,
    async () => {
      const p = await signedIn(at).principal();
      return p ? totpHolder(p) : null;
    },
    formData,
  );
}
