// The steps every area's login shares: compare the password (or a dummy, so an unknown
// account takes as long), open a session, sign the access token, build the cookies.
import "server-only";
import { z } from "zod";
import type { Session } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import type { AreaName, CookieScope } from "./areas";
import { type CookieSpec, accessCookie, refreshCookie } from "./cookies";
import { invalidToken } from "./errors";
import { loginPasswordSchema, verifyAgainstDummy, verifyPassword } from "./passwords";
import { type OpenSessionInput, openSession, revokeSession, rotateRefreshToken } from "./sessions";
import { clearFailures, lockKey, lockedError, lockedUntil, recordFailure, spend } from "./throttle";
import { type NewAccessToken, signAccessToken } from "./tokens";

/** The login body of every area (SPEC §7); areas extend it (store_code). */
export const loginSchema = z.object({
  email_or_username: z
    .string({ error: "Email or username is required" })
    .trim()
    .min(1, { message: "Email or username is required" })
    .max(254, { message: "Email or username is too long" }),
  password: loginPasswordSchema,
  remember_me: z.boolean().optional().default(false),
});

export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z.object({
  refresh_token: z.string().min(1, { message: "refresh_token is required" }).max(4096),
});

/** The candidate if the password is right and `allowed` accepts it; null otherwise. */
export async function checkPassword<T extends { passwordHash: string }>(
  candidate: T | null | undefined,
  password: string,
  allowed: (candidate: T) => boolean,
): Promise<T | null> {
  if (!candidate) return verifyAgainstDummy(password).then(() => null);
  const ok = await verifyPassword(password, candidate.passwordHash);
  return ok && allowed(candidate) ? candidate : null;
}

export type IssuedTokens = {
  sessionId: string;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  rememberMe: boolean;
};

export async function startSession(
  session: OpenSessionInput,
  claims: Omit<NewAccessToken, "sid">,
  ctx: RequestContext,
): Promise<IssuedTokens> {
  const opened = await openSession(session, ctx);
  const { token, expiresIn } = await signAccessToken({ ...claims, sid: opened.sessionId });
  return {
    sessionId: opened.sessionId,
    accessToken: token,
    expiresIn,
    refreshToken: opened.refreshToken,
    refreshExpiresAt: opened.refreshExpiresAt,
    rememberMe: session.rememberMe,
  };
}

export function sessionCookies(area: AreaName, scope: CookieScope, tokens: IssuedTokens): CookieSpec[] {
  return [
    accessCookie(area, scope, tokens.accessToken, tokens.expiresIn),
    refreshCookie(area, scope, tokens.refreshToken, tokens.rememberMe, tokens.refreshExpiresAt),
  ];
}

/** The token part of a login or refresh answer (SPEC §7). */
export function tokenBody(tokens: IssuedTokens) {
  return {
    access_token: tokens.accessToken,
    token_type: "Bearer" as const,
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
  };
}

/**
 * Exchanges a refresh token for new tokens. `claimsFor` reloads the principal behind the
 * session and returns its current claims, or null when it may no longer sign in.
 */
export async function refreshSession(
  area: AreaName,
  refreshToken: string,
  ctx: RequestContext,
  claimsFor: (session: Session) => Promise<Omit<NewAccessToken, "sid"> | null>,
): Promise<IssuedTokens> {
  const rotated = await rotateRefreshToken(refreshToken, area);
  if (rotated.kind === "reused") {
    await recordAuthEvent("refresh_token_reused", { area, sessionId: rotated.sessionId }, ctx);
  }
  if (rotated.kind !== "rotated") throw invalidToken();
  const { session } = rotated;
  const claims = await claimsFor(session);
  if (!claims) {
    await revokeSession(session.id, "principal_inactive");
    throw invalidToken();
  }
  const { token, expiresIn } = await signAccessToken({ ...claims, sid: session.id });
  await recordAuthEvent(
    "token_refreshed",
    { area, userId: session.userId, customerId: session.customerId, storeId: session.storeId, sessionId: session.id },
    ctx,
  );
  return {
    sessionId: session.id,
    accessToken: token,
    expiresIn,
    refreshToken: rotated.refreshToken,
    refreshExpiresAt: rotated.refreshExpiresAt,
    rememberMe: session.rememberMe,
  };
}

/** Logout: the session is revoked, so its access token is refused from the next request on. */
export async function endSession(
  area: AreaName,
  session: { id: string; userId?: string; customerId?: string; storeId?: string },
  ctx: RequestContext,
): Promise<void> {
  await revokeSession(session.id, "logout");
  await recordAuthEvent(
    "logout",
    { area, userId: session.userId, customerId: session.customerId, storeId: session.storeId, sessionId: session.id },
    ctx,
  );
}

/**
 * Before checking a password: the caller's IP budget, then the identifier's lock. Returns the
 * lockout key for `loginFailed` / `loginSucceeded`.
 */
export async function openLoginGate(
  area: AreaName,
  storeId: string | null,
  identifier: string,
  ctx: RequestContext,
): Promise<string> {
  // Each area (and store) has its own budget, so a busy shop does not throttle another.
  await spend("login", ctx.ip, `${area}:${storeId ?? "-"}`);
  const key = lockKey(area, storeId, identifier);
  const until = await lockedUntil(key);
  if (until) {
    await recordAuthEvent("login_locked", { area, storeId, identifier: identifier.slice(0, 254) }, ctx);
    throw lockedError(until);
  }
  return key;
}

/** Counts a failed login; the failure that reaches the limit locks the identifier and is audited. */
export async function loginFailed(key: string, event: Parameters<typeof recordAuthEvent>[1], ctx: RequestContext): Promise<void> {
  await recordAuthEvent("login_failed", event, ctx);
  if (await recordFailure(key)) await recordAuthEvent("account_locked", event, ctx);
}

export const loginSucceeded = clearFailures;
