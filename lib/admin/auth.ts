// Admin console sign-in: login, refresh and logout for platform admins (users, role admin).
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError } from "@/lib/auth/errors";
import {
  type IssuedTokens,
  type LoginInput,
  checkPassword,
  endSession,
  loginFailed,
  loginSucceeded,
  openLoginGate,
  refreshSession,
  startSession,
} from "@/lib/auth/login";
import type { RequestContext } from "@/lib/http";
import { findUserByLogin, touchLastLogin } from "@/lib/users";

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

export async function loginAdmin(
  input: LoginInput,
  ctx: RequestContext,
): Promise<{ user: User; tokens: IssuedTokens }> {
  const gate = await openLoginGate("admin", null, input.email_or_username, ctx);
  const candidate = await findUserByLogin(input.email_or_username);
  const user = await checkPassword(candidate, input.password, isActiveAdmin);
  if (!user) {
    await loginFailed(gate, { area: "admin", userId: candidate?.id ?? null, identifier: input.email_or_username.slice(0, 254) }, ctx);
    throw new ApiError("INVALID_CREDENTIALS");
  }
  await loginSucceeded(gate);
  const tokens = await startSession(
    { area: "admin", userId: user.id, tokenVersion: user.tokenVersion, rememberMe: input.remember_me },
    { sub: user.id, type: "admin", role: "admin", email: user.email },
    ctx,
  );
  const updated = await touchLastLogin(user.id);
  await recordAuthEvent("login_succeeded", { area: "admin", userId: user.id, sessionId: tokens.sessionId }, ctx);
  return { user: updated ?? user, tokens };
}

/** New tokens for a live admin session; the old refresh token is spent. */
export function refreshAdmin(refreshToken: string, ctx: RequestContext): Promise<IssuedTokens> {
  return refreshSession("admin", refreshToken, ctx, async (session) => {
    if (!session.userId) return null;
    const [user] = await db()
      .select()
      .from(users)
      .where(and(eq(users.id, session.userId), eq(users.tokenVersion, session.tokenVersion)));
    if (!user || !isActiveAdmin(user)) return null;
    return { sub: user.id, type: "admin", role: "admin", email: user.email };
  });
}

export function logoutAdmin(userId: string, sessionId: string, ctx: RequestContext): Promise<void> {
  return endSession("admin", { id: sessionId, userId }, ctx);
}
