// Refreshing a session: rotate the refresh token, reload the principal's claims, sign a new
// access token. The API's refresh routes and the request layer's page renewal share it; it
// stays clear of the login stack (passwords, mail, throttles), so the request layer stays light
// (lib/proxy-graph.test.ts).
import "server-only";
import type { Session, Store } from "@/db/schema";
import { writeAuthEvent } from "@/lib/auth-events";
import type { RequestContext } from "@/lib/http";
import { invalidToken } from "@/lib/http/errors";
import { claimsOf, loadAccount } from "./accounts";
import type { AreaName, CookieScope } from "./areas";
import { type CookieSpec, accessCookie, refreshCookie } from "./cookies";
import { revokeSession, rotateRefreshToken } from "./sessions";
import { type NewAccessToken, signAccessToken } from "./tokens";

export type IssuedTokens = {
  sessionId: string;
  accessToken: string;
  expiresIn: number;
  /** Null only for a page renewal that a concurrent request of the same browser rotated. */
  refreshToken: string | null;
  refreshExpiresAt: Date;
  rememberMe: boolean;
};

export function sessionCookies(area: AreaName, scope: CookieScope, tokens: IssuedTokens): CookieSpec[] {
  const access = accessCookie(area, scope, tokens.accessToken, tokens.expiresIn);
  if (tokens.refreshToken === null) return [access];
  return [
    access,
    refreshCookie(area, scope, tokens.refreshToken, tokens.rememberMe, tokens.refreshExpiresAt),
  ];
}

/** Page renewal passes the grace of rotateRefreshToken; the API never does. */
export type RefreshOptions = { graceSeconds?: number };

/**
 * Exchanges a refresh token for new tokens. `claimsFor` reloads the principal behind the
 * session and returns its current claims, or null when it may no longer sign in.
 */
async function refreshSession(
  area: AreaName,
  refreshToken: string,
  ctx: RequestContext,
  claimsFor: (session: Session) => Promise<Omit<NewAccessToken, "sid"> | null>,
  options: RefreshOptions = {},
): Promise<IssuedTokens> {
  const rotated = await rotateRefreshToken(refreshToken, area, ctx, options);
  if (rotated.kind === "reused") {
    await writeAuthEvent("refresh_token_reused", { area, sessionId: rotated.sessionId }, ctx);
  }
  if (rotated.kind === "invalid" || rotated.kind === "reused") throw invalidToken();
  const { session } = rotated;
  const claims = await claimsFor(session);
  if (!claims) {
    await revokeSession(session.id, "principal_inactive");
    throw invalidToken();
  }
  const { token, expiresIn } = await signAccessToken({ ...claims, sid: session.id });
  await writeAuthEvent(
    "token_refreshed",
    {
      area,
      userId: session.userId,
      customerId: session.customerId,
      storeId: session.storeId,
      sessionId: session.id,
    },
    ctx,
  );
  return {
    sessionId: session.id,
    accessToken: token,
    expiresIn,
    refreshToken: rotated.kind === "rotated" ? rotated.refreshToken : null,
    refreshExpiresAt: rotated.kind === "rotated" ? rotated.refreshExpiresAt : session.expiresAt,
    rememberMe: session.rememberMe,
  };
}

/**
 * New tokens for a live session of the area, with the principal's current claims. With
 * `atStoreId`, a session of another store is refused (and ended). Returns the session's store.
 */
export async function refreshArea(
  area: AreaName,
  refreshToken: string,
  ctx: RequestContext,
  options: RefreshOptions & { atStoreId?: string } = {},
): Promise<{ tokens: IssuedTokens; store: Store | null }> {
  let store: Store | null = null;
  const tokens = await refreshSession(
    area,
    refreshToken,
    ctx,
    async (session) => {
      if (options.atStoreId !== undefined && session.storeId !== options.atStoreId) return null;
      const loaded = await loadAccount(area, session);
      if (!loaded || loaded === "unavailable") return null;
      store = loaded.store;
      return claimsOf(area, loaded);
    },
    options,
  );
  return { tokens, store };
}
