// The guards (SPEC §6): the authoritative check of every page, server action and API call.
// Each area is the same machine: verify the token, check its type, load the principal and
// its live session from the database in one indexed query.
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { AREAS, type CookieScope } from "./areas";
import { ApiError, invalidToken } from "./errors";
import { REQUEST_PATH_HEADER } from "./paths";
import { loginRedirectUrl, safeNext } from "./safe-next";
import { type AccessClaims, bearerToken, verifyAccessToken } from "./tokens";

export type AdminPrincipal = {
  area: "admin";
  id: string;
  username: string;
  email: string;
  role: "admin";
  sessionId: string;
};

type Principals = { admin: AdminPrincipal };
export type GuardedArea = keyof Principals;

export type Authentication<A extends GuardedArea> =
  | { status: "ok"; principal: Principals[A]; claims: AccessClaims }
  | { status: "unauthenticated" }
  | { status: "forbidden"; code: "ADMIN_REQUIRED" | "INSUFFICIENT_PERMISSIONS" };

function liveUserSessionQuery() {
  return db()
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      role: users.role,
      isActive: users.isActive,
      area: sessions.area,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sid")),
        eq(sessions.userId, sql.placeholder("sub")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(sessions.tokenVersion, users.tokenVersion),
      ),
    )
    .prepare("live_user_session");
}

let liveUserSession: ReturnType<typeof liveUserSessionQuery> | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadAdmin(claims: AccessClaims): Promise<AdminPrincipal | null> {
  if (!UUID.test(claims.sid) || !UUID.test(claims.sub)) return null;
  liveUserSession ??= liveUserSessionQuery();
  const [row] = await liveUserSession.execute({ sid: claims.sid, sub: claims.sub });
  if (!row || !row.isActive || row.role !== "admin" || row.area !== "admin") return null;
  return {
    area: "admin",
    id: row.id,
    username: row.username,
    email: row.email,
    role: "admin",
    sessionId: claims.sid,
  };
}

const loaders: { [A in GuardedArea]: (claims: AccessClaims) => Promise<Principals[A] | null> } = {
  admin: loadAdmin,
};

export async function authenticate<A extends GuardedArea>(
  token: string | null | undefined,
  area: A,
): Promise<Authentication<A>> {
  if (!token) return { status: "unauthenticated" };
  const claims = await verifyAccessToken(token);
  if (!claims) return { status: "unauthenticated" };
  // A sound token of another area is the wrong principal, not a bad credential.
  if (claims.type !== area) return { status: "forbidden", code: AREAS[area].wrongPrincipalCode };
  const principal = await loaders[area](claims);
  if (!principal) return { status: "unauthenticated" };
  return { status: "ok", principal, claims };
}

/** API flavour: `Authorization: Bearer` only (cookies are ignored); 401 or 403 otherwise. */
export async function requireApiPrincipal<A extends GuardedArea>(
  request: Request,
  area: A,
): Promise<{ principal: Principals[A]; claims: AccessClaims }> {
  const result = await authenticate(bearerToken(request.headers.get("authorization")), area);
  if (result.status === "unauthenticated") throw invalidToken();
  if (result.status === "forbidden") throw new ApiError(result.code);
  return result;
}

/**
 * Page flavour: the area's cookie or a Bearer header. No usable token → the area's login
 * page with `?next=`; a token of another area → the 403 page. Memoised per request.
 */
export const requirePagePrincipal = cache(
  async <A extends GuardedArea>(area: A, scope: CookieScope = {}): Promise<Principals[A]> => {
    const def = AREAS[area];
    const [jar, hdrs] = await Promise.all([cookies(), headers()]);
    const token = jar.get(def.accessCookie)?.value ?? bearerToken(hdrs.get("authorization"));
    const result = await authenticate(token, area);
    if (result.status === "ok") return result.principal;
    if (result.status === "forbidden") forbidden();
    const next = safeNext(hdrs.get(REQUEST_PATH_HEADER), def.cookiePath(scope));
    redirect(loginRedirectUrl(def.loginPath(scope), next));
  },
);

/** The principal if this page request carries a usable token of the area, else null. */
export async function currentPagePrincipal<A extends GuardedArea>(area: A): Promise<Principals[A] | null> {
  const jar = await cookies();
  const result = await authenticate(jar.get(AREAS[area].accessCookie)?.value, area);
  return result.status === "ok" ? result.principal : null;
}
