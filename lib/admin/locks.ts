// Lifting an account lock from the admin console: the key is the area, store and identifier.
import "server-only";
import { z } from "zod";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError } from "@/lib/auth/errors";
import { clearFailures, lockKey, lockedUntil } from "@/lib/auth/throttle";
import type { RequestContext } from "@/lib/http";
import { storeByCode } from "@/lib/stores/lookup";
import { textField } from "@/lib/validation";

export const unlockSchema = z.object({
  area: z.enum(["admin", "store", "customer"], { error: "Choose admin, store or customer" }),
  identifier: textField().min(1, { message: "Identifier is required" }).max(254),
  store_code: textField().max(64).optional(),
});

export async function unlockAccount(admin: { id: string }, input: z.infer<typeof unlockSchema>, ctx: RequestContext) {
  let storeId: string | null = null;
  if (input.area !== "admin") {
    const store = input.store_code ? await storeByCode(input.store_code) : null;
    if (!store) throw new ApiError("VALIDATION_ERROR", { details: [{ field: "store_code", message: "Name the store (code or slug)" }] });
    storeId = store.id;
  }
  const key = lockKey(input.area, storeId, input.identifier);
  const wasLocked = (await lockedUntil(key)) !== null;
  await clearFailures(key);
  await recordAuthEvent(
    "account_unlocked",
    { area: input.area, storeId, userId: admin.id, identifier: input.identifier.toLowerCase(), details: { was_locked: wasLocked } },
    ctx,
  );
  return { wasLocked };
}
