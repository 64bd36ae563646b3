// A principal's own sessions, for the "sessions" pages: list them, end one, end all others.
import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";
import type { AreaName } from "./areas";

export type SessionOwner = { area: AreaName; userId?: string; customerId?: string; storeId?: string };

function owned(owner: SessionOwner) {
  return and(
    eq(sessions.area, owner.area),
    owner.customerId ? eq(sessions.customerId, owner.customerId) : eq(sessions.userId, owner.userId!),
    owner.storeId ? eq(sessions.storeId, owner.storeId) : undefined,
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, sql`now()`),
  );
}

export async function listSessions(owner: SessionOwner, currentId: string) {
  const rows = await db()
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(owned(owner))
    // This device first, then the others by last use.
    .orderBy(desc(eq(sessions.id, currentId)), desc(sessions.lastUsedAt));
  return rows.map((r) => ({ ...r, current: r.id === currentId }));
}

/** Ends one of the owner's sessions; false when it is not theirs (or already ended). */
export async function endOwnSession(owner: SessionOwner, id: string): Promise<boolean> {
  const ended = await db()
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: "signed_out_elsewhere" })
    .where(and(owned(owner), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

export async function endOtherSessions(owner: SessionOwner, currentId: string): Promise<number> {
  const ended = await db()
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: "signed_out_elsewhere" })
    .where(and(owned(owner), ne(sessions.id, currentId)))
    .returning({ id: sessions.id });
  return ended.length;
}

export function sessionView(s: Awaited<ReturnType<typeof listSessions>>[number]) {
  return {
    id: s.id,
    user_agent: s.userAgent,
    ip: s.ip,
    created_at: s.createdAt.toISOString(),
    last_used_at: s.lastUsedAt.toISOString(),
    expires_at: s.expiresAt.toISOString(),
    current: s.current,
  };
}
