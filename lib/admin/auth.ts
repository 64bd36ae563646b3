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
  type MfaLoginInput,
  type RefreshOptions,
  type MfaRequired,
  checkPassword,
  endSession,
  loginFailed,
  mfaRequiredBody,
  openLoginGate,
  passChallenge,
  refreshSession,
  secondStepOrDone,
  sessionCookies,
  startSession,
  tokenBody,
} from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { type RequestContext, json } from "@/lib/http";
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

export type AdminLogin = { user: User; tokens: IssuedTokens };

/** The answer of the login and MFA endpoints: tokens and cookie, or the second step. */
export function adminLoginResponse(result: AdminLogin | MfaRequired): Response {
  if ("mfaRequired" in result) return json(mfaRequiredBody(result));
  return withCookies(
    json({ ...tokenBody(result.tokens), user: adminView(result.user) }),
    sessionCookies("admin", {}, result.tokens),
  );
}

/** Password step: the session, or the second step when the admin has TOTP on. */
export async function loginAdmin(input: LoginInput, ctx: RequestContext): Promise<AdminLogin | MfaRequired> {
  const candidate = await findUserByLogin(input.email_or_username);
  const gate = await openLoginGate(
    "admin",
    {
      account: candidate ? { userId: candidate.id } : null,
      identifier: input.email_or_username,
      shopId: null,
    },
    ctx,
  );
  const user = await checkPassword(candidate, input.password, isActiveAdmin);
  if (!user) {
    await loginFailed(
      gate,
      { area: "admin", userId: candidate?.id ?? null, identifier: input.email_or_username.slice(0, 254) },
      ctx,
    );
    throw new ApiError("INVALID_CREDENTIALS");
  }
  const pending = await secondStepOrDone(
    gate,
    { area: "admin", userId: user.id, storeId: null, rememberMe: input.remember_me },
    ctx,
  );
  return pending ?? openAdminSession(user, input.remember_me, ctx);
}

/** Second step: a code from the app or a recovery code, then the session. */
export async function completeAdminMfa(input: MfaLoginInput, ctx: RequestContext): Promise<AdminLogin> {
  const passed = await passChallenge("admin", input, ctx);
  const [user] = passed.userId ? await db().select().from(users).where(eq(users.id, passed.userId)) : [];
  if (!user || !isActiveAdmin(user)) throw new ApiError("MFA_CHALLENGE_INVALID");
  return openAdminSession(user, passed.rememberMe, ctx);
}

async function openAdminSession(user: User, rememberMe: boolean, ctx: RequestContext): Promise<AdminLogin> {
  const tokens = await startSession(
    { area: "admin", userId: user.id, tokenVersion: user.tokenVersion, rememberMe },
    { sub: user.id, type: "admin", role: "admin", email: user.email },
    ctx,
  );
  const updated = await touchLastLogin(user.id);
  await recordAuthEvent(
    "login_succeeded",
    { area: "admin", userId: user.id, sessionId: tokens.sessionId },
    ctx,
  );
  return { user: updated ?? user, tokens };
}

/** New tokens for a live admin session; the old refresh token is spent. */
export function refreshAdmin(
  refreshToken: string,
  ctx: RequestContext,
  options?: RefreshOptions,
): Promise<IssuedTokens> {
  return refreshSession(
    "admin",
    refreshToken,
    ctx,
    async (session) => {
      if (!session.userId) return null;
      const [user] = await db()
        .select()
        .from(users)
        .where(and(eq(users.id, session.userId), eq(users.tokenVersion, session.tokenVersion)));
      if (!user || !isActiveAdmin(user)) return null;
      return { sub: user.id, type: "admin", role: "admin", email: user.email };
    },
    options,
  );
}

export function logoutAdmin(userId: string, sessionId: string, ctx: RequestContext): Promise<void> {
  return endSession("admin", { id: sessionId, userId }, ctx);
}
