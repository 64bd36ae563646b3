// How an area's principal is loaded and what its token says, read from the row's `account`
// and `storeScoped` (lib/auth/areas): a person in one role, a member of one store, or one
// store's customer. The login, the second step and the refresh of every area call these.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import {
  type Customer,
  type Store,
  type StoreRole,
  type User,
  customers,
  storeMembers,
  stores,
  users,
} from "@/db/schema";
import { AREAS, type AreaDefinition, type AreaName } from "./areas";
import type { NewAccessToken } from "./tokens";

/** Whoever signs in: a user (admin or staff) or a customer. */
export type Account = User | Customer;

/** An account as loaded for a session: the account, its store and role there where the area has them. */
export type LoadedAccount = { account: Account; store: Store | null; storeRole: StoreRole | null };

/** The ids of a session, a passed challenge or a login: whose, and at which store. */
export type AccountIds = {
  userId: string | null;
  customerId: string | null;
  storeId: string | null;
  /** Given for a refresh: the account must still be at the session's version. */
  tokenVersion?: number;
};

/**
 * The account behind `ids` if it may still hold a session of the area; "unavailable" when it
 * may but its store is suspended; null otherwise.
 */
export async function loadAccount(
  area: AreaName,
  ids: AccountIds,
): Promise<LoadedAccount | "unavailable" | null> {
  const def = AREAS[area];
  if (def.account.table === "customers") {
    if (!ids.customerId || !ids.storeId) return null;
    const [row] = await db()
      .select({ customer: customers, store: stores })
      .from(customers)
      .innerJoin(stores, eq(stores.id, customers.storeId))
      .where(
        and(
          eq(customers.id, ids.customerId),
          eq(customers.storeId, ids.storeId),
          ids.tokenVersion === undefined ? undefined : eq(customers.tokenVersion, ids.tokenVersion),
        ),
      );
    if (!row?.customer.isActive) return null;
    return { account: row.customer, store: row.store, storeRole: null };
  }
  if (!ids.userId) return null;
  const version = ids.tokenVersion === undefined ? undefined : eq(users.tokenVersion, ids.tokenVersion);
  if (!def.storeScoped) {
    const [user] = await db()
      .select()
      .from(users)
      .where(and(eq(users.id, ids.userId), version));
    return user && isActiveIn(def, user) ? { account: user, store: null, storeRole: null } : null;
  }
  if (!ids.storeId) return null;
  const [row] = await db()
    .select({ user: users, store: stores, role: storeMembers.role, memberActive: storeMembers.isActive })
    .from(users)
    .innerJoin(storeMembers, and(eq(storeMembers.userId, users.id), eq(storeMembers.storeId, ids.storeId)))
    .innerJoin(stores, eq(stores.id, storeMembers.storeId))
    .where(and(eq(users.id, ids.userId), version));
  if (!row || !isActiveIn(def, row.user) || !row.memberActive) return null;
  if (row.store.status !== "active") return "unavailable";
  return { account: row.user, store: row.store, storeRole: row.role };
}

/** An active person in the area's role. */
export function isActiveIn(def: AreaDefinition, user: Pick<User, "role" | "isActive">): boolean {
  return def.account.table === "users" && user.role === def.account.role && user.isActive;
}

/** The claims of an access token for `loaded` in the area. */
export function claimsOf(area: AreaName, loaded: LoadedAccount): Omit<NewAccessToken, "sid"> {
  const def = AREAS[area];
  const { account, store, storeRole } = loaded;
  const base = { sub: account.id, type: area, email: account.email };
  if (def.account.table === "customers") return { ...base, store_id: store!.id };
  const role = def.account.role;
  if (!def.storeScoped) return { ...base, role };
  return { ...base, role, store_id: store!.id, store_role: storeRole! };
}

/** The session row's owner columns for `loaded`. */
export function sessionOwner(area: AreaName, loaded: LoadedAccount) {
  const def = AREAS[area];
  const { account, store } = loaded;
  return {
    userId: def.account.table === "users" ? account.id : undefined,
    customerId: def.account.table === "customers" ? account.id : undefined,
    storeId: def.storeScoped ? store!.id : undefined,
  };
}

/** Marks the sign-in on the account and returns it as it is now. */
export async function touchAccount(area: AreaName, account: Account): Promise<Account> {
  const table = AREAS[area].account.table === "users" ? users : customers;
  const [updated] = await db()
    .update(table)
    .set({ lastLoginAt: new Date() })
    .where(eq(table.id, account.id))
    .returning();
  return updated ?? account;
}
