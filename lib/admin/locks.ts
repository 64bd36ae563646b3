// Account locks in the admin console: the list, naming whose account each lock is on, and
// lifting one. A lock is on an account (whichever spelling of its login was typed) or, when
// no account has the identifier typed, on that identifier (lib/auth/throttle).
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { customers, stores, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { AREAS, AREA_NAMES, type AreaName } from "@/lib/auth/areas";
import { ApiError } from "@/lib/http/errors";
import {
  type LockAccount,
  clearFailures,
  listLocks,
  loginLockKey,
  lockedUntil,
  parseLockKey,
} from "@/lib/auth/throttle";
import type { RequestContext } from "@/lib/http";
import { storeByCode } from "@/lib/tenancy/lookup";
import { textField } from "@/lib/validation";
import { findUserByLogin } from "@/lib/users";

export const unlockSchema = z.object({
  area: z.enum(AREA_NAMES, { error: `Choose ${AREA_NAMES.slice(0, -1).join(", ")} or ${AREA_NAMES.at(-1)}` }),
  identifier: textField().min(1, { message: "Identifier is required" }).max(254),
  store_code: textField().max(64).optional(),
});

type UnlockInput = z.infer<typeof unlockSchema>;

/**
 * The keys a login with this identifier counts on: its account's, and the identifier's own
 * (a lock taken while no account had it). Admins and staff share one lock, whatever the area.
 */
async function keysOf(
  input: UnlockInput,
): Promise<{ keys: string[]; storeId: string | null; account: LockAccount | null }> {
  if (AREAS[input.area].account.table === "users") {
    const user = await findUserByLogin(input.identifier);
    const account = user ? { userId: user.id } : null;
    return {
      keys: [
        ...new Set([
          loginLockKey(account, null, input.identifier),
          loginLockKey(null, null, input.identifier),
        ]),
      ],
      storeId: null,
      account,
    };
  }
  const store = input.store_code ? await storeByCode(input.store_code) : null;
  if (!store)
    throw new ApiError("VALIDATION_ERROR", {
      details: [{ field: "store_code", message: "Name the store (code or slug)" }],
    });
  const email = input.identifier.toLowerCase();
  const [customer] = await db()
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.storeId, store.id), eq(sql`lower(${customers.email})`, email)));
  const account = customer ? { customerId: customer.id } : null;
  return {
    keys: [...new Set([loginLockKey(account, store.id, email), loginLockKey(null, store.id, email)])],
    storeId: store.id,
    account,
  };
}

export async function unlockAccount(admin: { id: string }, input: UnlockInput, ctx: RequestContext) {
  const { keys, storeId, account } = await keysOf(input);
  let wasLocked = false;
  for (const key of keys) {
    if ((await lockedUntil(key)) !== null) wasLocked = true;
    await clearFailures(key);
  }
  await recordAuthEvent(
    "account_unlocked",
    {
      area: input.area,
      storeId,
      userId: admin.id,
      identifier: input.identifier.toLowerCase(),
      details: {
        was_locked: wasLocked,
        ...(account && "userId" in account ? { user: account.userId } : {}),
        ...(account && "customerId" in account ? { customer: account.customerId } : {}),
      },
    },
    ctx,
  );
  return { wasLocked };
}

/** The areas whose accounts live in `table`, as a lock on such an account is shown. */
function areasOn(table: "users" | "customers"): string {
  return AREA_NAMES.filter((name) => AREAS[name].account.table === table).join(", ");
}

export type LockRow = {
  /** The area whose login the lock closes; "admin, store" for an identifier no user has. */
  area: string;
  /** The store's code, for a shopper's lock. */
  store: string | null;
  /** That store's name, as people know it. */
  storeName: string | null;
  /** Whose account: its username or email, as an admin would type it to unlock. */
  account: string | null;
  /** The identifier typed, when no account has it. */
  identifier: string | null;
  until: Date;
  /** What the Unlock form of this row sends (unlockSchema's fields); null when nothing would. */
  unlock: { area: AreaName; identifier: string; store_code?: string } | null;
};

/** Locks held now, with the accounts they are on; null when they live in Redis (no listing there). */
export async function lockRows(): Promise<LockRow[] | null> {
  const locks = await listLocks();
  if (!locks) return null;
  const parsed = locks.map((l) => ({ ...l, parsed: parseLockKey(l.key) }));
  const userIds = parsed.flatMap((l) => (l.parsed?.kind === "user" ? [l.parsed.userId] : []));
  const customerIds = parsed.flatMap((l) => (l.parsed?.kind === "customer" ? [l.parsed.customerId] : []));
  const shopIds = parsed.flatMap((l) =>
    l.parsed?.kind === "identifier" && l.parsed.shopId ? [l.parsed.shopId] : [],
  );
  const [userRows, customerRows, storeRows] = await Promise.all([
    userIds.length
      ? db()
          .select({ id: users.id, username: users.username, email: users.email, role: users.role })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
    customerIds.length
      ? db()
          .select({ id: customers.id, email: customers.email, store: stores.code, storeName: stores.name })
          .from(customers)
          .innerJoin(stores, eq(stores.id, customers.storeId))
          .where(inArray(customers.id, customerIds))
      : [],
    shopIds.length
      ? db()
          .select({ id: stores.id, code: stores.code, name: stores.name })
          .from(stores)
          .where(inArray(stores.id, shopIds))
      : [],
  ]);
  const userById = new Map(userRows.map((u) => [u.id, u]));
  const customerById = new Map(customerRows.map((c) => [c.id, c]));
  const storeById = new Map(storeRows.map((s) => [s.id, s]));
  // Admins and staff share one lock, so either users' area lifts it; shoppers' is per store.
  const usersArea = AREA_NAMES.find((name) => AREAS[name].account.table === "users")!;
  const customersArea = AREA_NAMES.find((name) => AREAS[name].account.table === "customers")!;
  return parsed.map(({ key, until, parsed: p }): LockRow => {
    const base = { until, store: null, storeName: null, account: null, identifier: null, unlock: null };
    if (p?.kind === "user") {
      const user = userById.get(p.userId);
      return {
        ...base,
        area: user?.role ?? areasOn("users"),
        account: user ? `${user.username} (${user.email})` : "a deleted user",
        unlock: user ? { area: user.role, identifier: user.username } : null,
      };
    }
    if (p?.kind === "customer") {
      const customer = customerById.get(p.customerId);
      return {
        ...base,
        area: areasOn("customers"),
        store: customer?.store ?? null,
        storeName: customer?.storeName ?? null,
        account: customer?.email ?? "a deleted customer",
        unlock: customer
          ? { area: customersArea, identifier: customer.email, store_code: customer.store }
          : null,
      };
    }
    if (p?.kind === "identifier") {
      const shop = p.shopId ? storeById.get(p.shopId) : undefined;
      return p.shopId
        ? {
            ...base,
            area: areasOn("customers"),
            store: shop?.code ?? null,
            storeName: shop?.name ?? null,
            identifier: p.identifier,
            unlock: shop ? { area: customersArea, identifier: p.identifier, store_code: shop.code } : null,
          }
        : {
            ...base,
            area: areasOn("users"),
            identifier: p.identifier,
            unlock: { area: usersArea, identifier: p.identifier },
          };
    }
    return { ...base, area: "—", identifier: key };
  });
}
