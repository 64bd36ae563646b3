import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { mfaPolicySchema, setStaffMfaRequired, staffMfaRequired } from "@/lib/store/team";

export const GET = storeRoute("team.read", async ({ principal }) => {
  return json({ require_staff_mfa: await staffMfaRequired(principal.store.id) });
});

/** Owners only: every member must sign in with a second factor. */
export const PUT = storeRoute("team.manage", async ({ request, principal, ctx }) => {
  const { require_staff_mfa } = await readJson(request, mfaPolicySchema);
  await setStaffMfaRequired(principal, require_staff_mfa, ctx);
  return json({ require_staff_mfa });
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
