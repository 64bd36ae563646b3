import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { unlockAccount } from "@/lib/admin/locks";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

/** Lifts the lock of an identifier (and clears its failure count) before the lock runs out. */
export const POST = adminRoute(ADMIN_ROUTES.unlock, async ({ body, principal, ctx }) => {
  const { wasLocked } = await unlockAccount(principal, body, ctx);
  return json({ unlocked: true, was_locked: wasLocked });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
