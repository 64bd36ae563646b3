// The steps every area's login shares: compare the password (or a dummy, so an unknown
// account takes as long), open a session, sign the access token, build the cookies.
import "server-only";
import type { RequestContext } from "@/lib/http";
import type { AreaName, CookieScope } from "./areas";
import { type CookieSpec, accessCookie, refreshCookie } from "./cookies";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { type OpenSessionInput, openSession } from "./sessions";
import { type NewAccessToken, signAccessToken } from "./tokens";

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
