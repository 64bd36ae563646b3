// Sessions: a row per login, opaque refresh tokens stored hashed and rotated on
// every use; a rotated token presented again ends the whole session.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { refreshTokens, sessions } from "@/db/schema";
import type { RequestContext } from "@/lib/http";
import { AREAS, type AreaName } from "./areas";

/** Refresh lifetime with "remember me"; otherwise the refresh cookie lasts the browser session. */
const REMEMBER_ME_DAYS = 30;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

export type OpenSessionInput = {
  area: AreaName;
  userId?: string;
  customerId?: string;
  storeId?: string;
  tokenVersion: number;
  rememberMe: boolean;
};

export type OpenedSession = { sessionId: string; refreshToken: string; refreshExpiresAt: Date };

function refreshExpiry(sessionExpiresAt: Date): Date {
  const remembered = new Date(Date.now() + REMEMBER_ME_DAYS * 24 * 3600 * 1000);
  return remembered < sessionExpiresAt ? remembered : sessionExpiresAt;
}

export async function openSession(input: OpenSessionInput, ctx: RequestContext): Promise<OpenedSession> {
  const expiresAt = new Date(Date.now() + AREAS[input.area].sessionHours * 3600 * 1000);
  const refreshToken = newOpaqueToken();
  const refreshExpiresAt = refreshExpiry(expiresAt);
  const sessionId = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({ ...input, ip: ctx.ip, userAgent: ctx.userAgent, expiresAt })
      .returning({ id: sessions.id });
    await tx
      .insert(refreshTokens)
      .values({ tokenHash: hashToken(refreshToken), sessionId: row!.id, expiresAt: refreshExpiresAt });
    return row!.id;
  });
  return { sessionId, refreshToken, refreshExpiresAt };
}

export async function revokeSession(sessionId: string, reason: string): Promise<void> {
  await db()
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export type RotatedRefresh =
  | { kind: "rotated"; session: typeof sessions.$inferSelect; refreshToken: string; refreshExpiresAt: Date }
  | { kind: "concurrent"; session: typeof sessions.$inferSelect }
  | { kind: "reused"; sessionId: string }
  | { kind: "invalid" };

/**
 * A browser renewing from its refresh cookie may send several requests at once (a page and
 * its prefetches, tabs restored together), all with the same cookie. Within this many
 * seconds of the exchange, the same token from the same client (IP and user agent) is a
 * sibling of that exchange, not a replay: it gets an access token only. From any other
 * client it is a replay, however soon.
 */
export const PAGE_RENEWAL_GRACE_SECONDS = 5;

/** Who exchanges a refresh token, as far as the server can tell: its IP and user agent, hashed. */
function clientOf(ctx: Pick<RequestContext, "ip" | "userAgent">): string {
  return hashToken(`${ctx.ip ?? "-"}\n${ctx.userAgent ?? "-"}`);
}

/**
 * Exchanges a refresh token for a new one. Exactly one of several concurrent exchanges of
 * the same token wins; a token already exchanged revokes its session (reuse detection),
 * unless `graceSeconds` (page renewal only) says the same client exchanged it a moment ago.
 */
export async function rotateRefreshToken(
  token: string,
  area: AreaName,
  ctx: Pick<RequestContext, "ip" | "userAgent">,
  options: { graceSeconds?: number } = {},
): Promise<RotatedRefresh> {
  if (token.length > 256) return { kind: "invalid" };
  const tokenHash = hashToken(token);
  const client = clientOf(ctx);
  return db().transaction(async (tx) => {
    const [claimed] = await tx
      .update(refreshTokens)
      .set({ usedAt: new Date(), usedBy: client })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.usedAt),
          gt(refreshTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ sessionId: refreshTokens.sessionId });
    if (!claimed) {
      const [used] = await tx
        .select({
          sessionId: refreshTokens.sessionId,
          usedAt: refreshTokens.usedAt,
          usedBy: refreshTokens.usedBy,
        })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash));
      const grace = options.graceSeconds ?? 0;
      const sibling =
        used?.usedAt &&
        grace > 0 &&
        Date.now() - used.usedAt.getTime() < grace * 1000 &&
        used.usedBy === client;
      if (sibling) {
        const [session] = await tx
          .select()
          .from(sessions)
          .where(
            and(
              eq(sessions.id, used.sessionId),
              eq(sessions.area, area),
              isNull(sessions.revokedAt),
              gt(sessions.expiresAt, sql`now()`),
            ),
          );
        return session ? ({ kind: "concurrent", session } as const) : ({ kind: "invalid" } as const);
      }
      if (used?.usedAt) {
        await tx
          .update(sessions)
          .set({ revokedAt: new Date(), revokedReason: "refresh_token_reused" })
          .where(and(eq(sessions.id, used.sessionId), isNull(sessions.revokedAt)));
        return { kind: "reused", sessionId: used.sessionId } as const;
      }
      return { kind: "invalid" } as const;
    }
    const [session] = await tx
      .update(sessions)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(sessions.id, claimed.sessionId),
          eq(sessions.area, area),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!session) return { kind: "invalid" } as const;
    const refreshToken = newOpaqueToken();
    const refreshExpiresAt = refreshExpiry(session.expiresAt);
    await tx
      .insert(refreshTokens)
      .values({ tokenHash: hashToken(refreshToken), sessionId: session.id, expiresAt: refreshExpiresAt });
    return { kind: "rotated", session, refreshToken, refreshExpiresAt } as const;
  });
}
