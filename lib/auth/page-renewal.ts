// Pages renew an expired access token from the area's refresh cookie, so a person active in
// the dashboard is not sent to the login page when the access token runs out. The request
// layer calls this when the access cookie is missing or no longer verifies.
import "server-only";
import type { RequestContext } from "@/lib/http";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { AREAS, type AreaName, type CookieScope } from "./areas";
import type { CookieSpec } from "./cookies";
import { ApiError } from "@/lib/http/errors";
import { refreshArea, sessionCookies } from "./refresh";
import { PAGE_RENEWAL_GRACE_SECONDS } from "./sessions";

export type Renewal = { accessToken: string; cookies: CookieSpec[] };

/** New cookies for a live session, or null when the refresh token is spent, expired or revoked. */
export async function renewFromRefreshCookie(
  area: AreaName,
  scope: CookieScope,
  refreshToken: string,
  ctx: RequestContext,
): Promise<Renewal | null> {
  // A store's page renews only a session of that store.
  let atStoreId: string | undefined;
  if (AREAS[area].storeScoped) {
    const store = scope.slug ? await storeBySlug(scope.slug) : null;
    if (!store) return null;
    atStoreId = store.id;
  }
  try {
    const { tokens } = await refreshArea(area, refreshToken, ctx, {
      graceSeconds: PAGE_RENEWAL_GRACE_SECONDS,
      atStoreId,
    });
    return { accessToken: tokens.accessToken, cookies: sessionCookies(area, scope, tokens) };
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}
