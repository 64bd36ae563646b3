// The reset steps the admin console and the store dashboards share: parse, send or reset,
// and answer the same whatever the address.
import "server-only";
import { type ActionState, apiErrorState, parseForm } from "@/lib/actions";
import type { AreaName } from "@/lib/auth/areas";
import { ApiError } from "@/lib/http/errors";
import {
  FORGOT_ANSWER,
  RESET_REFUSED,
  type ResetTarget,
  forgotSchema,
  requestPasswordReset,
  resetPassword,
  resetSchema,
} from "@/lib/auth/reset";
import { platformLink } from "@/lib/links";
import { withConfirmation } from "@/lib/validation";

export async function forgotPassword(
  formData: FormData,
  target: ResetTarget,
  resetPath: string,
): Promise<ActionState> {
  const parsed = await parseForm(formData, forgotSchema, ["email"]);
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset(
    target,
    parsed.data.email,
    (token) => platformLink(`${resetPath}?token=${token}`),
    parsed.ctx,
  );
  return { message: `Check your email. ${FORGOT_ANSWER}` };
}

/** True when the password was reset; otherwise the form's answer. */
export async function resetFromForm(
  formData: FormData,
  area: AreaName,
  storeId: string | null,
): Promise<ActionState | true> {
  const parsed = await parseForm(formData, withConfirmation(resetSchema(area), "password"));
  if (!parsed.ok) return parsed.state;
  try {
    if (!(await resetPassword(area, storeId, parsed.data.token, parsed.data.password, parsed.ctx)))
      return { error: RESET_REFUSED };
  } catch (error) {
    if (error instanceof ApiError) return apiErrorState(error);
    throw error;
  }
  return true;
}
