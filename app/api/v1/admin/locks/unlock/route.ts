import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { unlockAccount, unlockSchema } from "@/lib/admin/locks";
import { json, readJson } from "@/lib/http";

/** Lifts the lock of an identifier (and clears its failure count) before the lock runs out. */
export const POST = adminRoute(async ({ request, principal, ctx }) => {
  const input = await readJson(request, unlockSchema);
  const { wasLocked } = await unlockAccount(principal, input, ctx);
  return json({ unlocked: true, was_locked: wasLocked });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
