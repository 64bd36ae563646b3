// Admin console sign-in: login, refresh and logout for platform admins (users, role admin).
import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError, invalidToken } from "@/lib/auth/errors";
import { type IssuedTokens, checkPassword, startSession } from "@/lib/auth/login";
import { loginPasswordSchema } from "@/lib/auth/passwords";
import { revokeSession, rotateRefreshToken } from "@/lib/auth/sessions";
import { signAccessToken } from "@/lib/auth/tokens";
import type { RequestContext } from "@/lib/http";

export const loginSchema = z.object({
  email_or_username: z
    .string({ error: "Email or username is required" })
    .trim()
    .min(1, { message: "Email or username is required" })
    .max(254, { message: "Email or username is too long" }),
  password: loginPasswordSchema,
  remember_me: z.boolean().optional().default(false),
});

export const refreshSchema = z.object({
  refresh_token: z.string().min(1, { message: "refresh_token is required" }).max(4096),
});

export type LoginInput = z.infer<typeof loginSchema>;

export function adminView(user: Pick<User, "id" | "username" | "email" | "role" | "lastLoginAt">) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role,
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
  };
}

function isActiveAdmin(user: Pick<User, "role" | "isActive">): boolean {
  return user.role === "admin" && user.isActive;
}

async function findByLogin(identifier: string): Promise<User | undefined> {
  const lowered = identifier.toLowerCase();
  const [user] = await db()
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, lowered), eq(sql`lower(${users.email})`, lowered)))
    .limit(1);
  return user;
}

export async function loginAdmin(
  input: LoginInput,
  ctx: RequestContext,
): Promise<{ user: User; tokens: IssuedTokens }> {
  const candidate = await findByLogin(input.email_or_username);
  const user = await checkPassword(candidate, input.password, isActiveAdmin);
  if (!user) {
    await recordAuthEvent(
      "login_failed",
      { area: "admin", userId: candidate?.id ?? null, identifier: input.email_or_username.slice(0, 254) },
      ctx,
    );
    throw new ApiError("INVALID_CREDENTIALS");
  }
  const tokens = await startSession(
    { area: "admin", userId: user.id, tokenVersion: user.tokenVersion, rememberMe: input.remember_me },
    { sub: user.id, type: "admin", role: "admin", email: user.email },
    ctx,
  );
  const [updated] = await db()
    .update(users)
    .set({ lastLoginAt: new Date() })
    .where(eq(users.id, user.id))
    .returning();
  await recordAuthEvent("login_succeeded", { area: "admin", userId: user.id, sessionId: tokens.sessionId }, ctx);
  return { user: updated ?? user, tokens };
}

/** A new access token and refresh token for a live admin session; the old refresh token is spent. */
export async function refreshAdmin(refreshToken: string, ctx: RequestContext): Promise<IssuedTokens> {
  const rotated = await rotateRefreshToken(refreshToken, "admin");
  if (rotated.kind === "reused") {
    await recordAuthEvent("refresh_token_reused", { area: "admin", sessionId: rotated.sessionId }, ctx);
  }
  if (rotated.kind !== "rotated") throw invalidToken();
  const { session } = rotated;
  if (!session.userId) throw invalidToken();
  const [user] = await db()
    .select()
    .from(users)
    .where(and(eq(users.id, session.userId), eq(users.tokenVersion, session.tokenVersion)));
  if (!user || !isActiveAdmin(user)) {
    await revokeSession(session.id, "principal_inactive");
    throw invalidToken();
  }
  const { token, expiresIn } = await signAccessToken({
    sub: user.id,
    type: "admin",
    role: "admin",
    email: user.email,
    sid: session.id,
  });
  await recordAuthEvent("token_refreshed", { area: "admin", userId: user.id, sessionId: session.id }, ctx);
  return {
    sessionId: session.id,
    accessToken: token,
    expiresIn,
    refreshToken: rotated.refreshToken,
    refreshExpiresAt: rotated.refreshExpiresAt,
    rememberMe: session.rememberMe,
  };
}

export async function logoutAdmin(userId: string, sessionId: string, ctx: RequestContext): Promise<void> {
  await revokeSession(sessionId, "logout");
  await recordAuthEvent("logout", { area: "admin", userId, sessionId }, ctx);
}
