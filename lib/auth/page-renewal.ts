// Pages renew an expired access token from the area's refresh cookie (SPEC §4), so a person
// active in the dashboard is not sent to the login page when the access token runs out. The
// request layer calls this when the access cookie is missing or no longer verifies.
import "server-only";
import { refreshAdmin } from "@/lib/admin/auth";
import type { RequestContext } from "@/lib/http";
import { refreshStore } from "@/lib/store/auth";
import { refreshCustomer } from "@/lib/storefront/auth";
import { storeBySlug } from "@/lib/stores/lookup";
import type { AreaName, CookieScope } from "./areas";
import type { CookieSpec } from "./cookies";
import { ApiError } from "./errors";
import { type IssuedTokens, sessionCookies } from "./login";
import { PAGE_RENEWAL_GRACE_SECONDS } from "./sessions";

export type Renewal = { accessToken: string; cookies: CookieSpec[] };

/** New cookies for a live session, or null when the refresh token is spent, expired or revoked. */
export async function renewFromRefreshCookie(
  area: AreaName,
  scope: CookieScope,
  refreshToken: string,
  ctx: RequestContext,
): Promise<Renewal | null> {
  const options = { graceSeconds: PAGE_RENEWAL_GRACE_SECONDS };
  let tokens: IssuedTokens;
  try {
    if (area === "admin") {
      tokens = await refreshAdmin(refreshToken, ctx, options);
    } else if (area === "store") {
      const renewed = await refreshStore(refreshToken, ctx, options);
      if (renewed.slug !== scope.slug) return null;
      tokens = renewed.tokens;
    } else {
      const store = scope.slug ? await storeBySlug(scope.slug) : null;
      if (!store) return null;
      tokens = await refreshCustomer(store, refreshToken, ctx, options);
    }
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
  return { accessToken: tokens.accessToken, cookies: sessionCookies(area, scope, tokens) };
}
