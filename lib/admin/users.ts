// Platform users as admins see them: list, search, deactivate (ending every session at once)
// and reactivate.
import "server-only";
import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { type User, storeMembers, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError } from "@/lib/http/errors";
import { endResetLinks } from "@/lib/auth/reset";
import type { RequestContext } from "@/lib/http";
import { containsPattern, PAGE_SIZE } from "@/lib/validation";

export function adminUserView(u: User & { stores?: number }) {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    role: u.role,
    is_active: u.isActive,
    stores: u.stores,
    last_login_at: u.lastLoginAt?.toISOString() ?? null,
    created_at: u.createdAt.toISOString(),
  };
}

export async function listUsers(options: { q?: string; page: number; role?: "admin" | "store" }) {
  const filters: SQL[] = [];
  if (options.role) filters.push(eq(users.role, options.role));
  if (options.q) {
    const pattern = containsPattern(options.q);
    filters.push(or(ilike(users.username, pattern), ilike(users.email, pattern))!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db()
      .select({
        user: users,
        stores: sql<number>`(select count(*)::int from ${storeMembers} m where m.user_id = ${users.id} and m.is_active)`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE),
    db().select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.user, stores: r.stores })), total: total?.n ?? 0 };
}

/** Deactivating bumps the token version, so every session of the user ends at the next request, and spends its reset links. */
export async function setUserActive(
  admin: { id: string },
  id: string,
  active: boolean,
  ctx: RequestContext,
): Promise<User> {
  if (admin.id === id && !active)
    throw new ApiError("CONFLICT", { message: "You cannot deactivate your own account" });
  const [user] = await db()
    .update(users)
    .set({ isActive: active, tokenVersion: active ? undefined : sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, id))
    .returning();
  if (!user) throw new ApiError("NOT_FOUND", { message: "No such user" });
  if (!active) await endResetLinks(db(), { userId: user.id });
  await recordAuthEvent(
    active ? "user_reactivated" : "user_deactivated",
    { area: "admin", userId: admin.id, details: { user: id } },
    ctx,
  );
  return user;
}
