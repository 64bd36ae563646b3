import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { setStaffMfaRequired, staffMfaRequired } from "@/lib/store/team";

export const GET = storeRoute(STORE_ROUTES.mfaPolicy, async ({ principal }) =>
  json({ require_staff_mfa: await staffMfaRequired(principal.store.id) }),
);

/** Owners only: every member must sign in with a second factor. */
export const PUT = storeRoute(STORE_ROUTES.setMfaPolicy, async ({ principal, body, ctx }) => {
  await setStaffMfaRequired(principal, body.require_staff_mfa, ctx);
  return json({ require_staff_mfa: body.require_staff_mfa });
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
