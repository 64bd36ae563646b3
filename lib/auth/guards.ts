// The guards: the authoritative check of every page, server action and API call.
// Each area is the same machine: verify the token, check its type, load the principal and
// its live session from the database in one indexed query.
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import {
  type Store,
  type StoreRole,
  customers,
  sessions,
  storeMembers,
  stores,
  totpFactors,
  users,
} from "@/db/schema";
import { type AccessMethod } from "@/lib/tenancy/resolve";
import { type Permission, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { AREAS, type AreaDefinition, type AreaName, scopeOf } from "./areas";
import { soleCookie } from "./cookies";
import { ApiError, invalidToken } from "@/lib/http/errors";
import { isUuid } from "@/lib/validation";
import { REQUEST_PATH_HEADER, STORE_METHOD_HEADER } from "./paths";
import { loginRedirectUrl, safeNext } from "./safe-next";
import { sessionState } from "./session-cache";
import { type AccessClaims, bearerToken, verifyAccessToken } from "./tokens";

export type AdminPrincipal = {
  area: "admin";
  id: string;
  username: string;
  email: string;
  role: "admin";
  sessionId: string;
};

export type StorePrincipal = {
  area: "store";
  id: string;
  username: string;
  email: string;
  sessionId: string;
  store: Pick<Store, "id" | "code" | "slug" | "name" | "status" | "theme">;
  storeRole: StoreRole;
  permissions: readonly Permission[];
  /** The store requires a second factor and this member has none yet: only Security is open. */
  mfaMissing: boolean;
};

export type CustomerPrincipal = {
  area: "customer";
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  customerNumber: string;
  sessionId: string;
  store: Pick<Store, "id" | "code" | "slug" | "name" | "status" | "theme">;
};

type Principals = { admin: AdminPrincipal; store: StorePrincipal; customer: CustomerPrincipal };
export type GuardedArea = keyof Principals;
type Principal = Principals[GuardedArea];

/** What a guard needs from the URL: the store of a store or storefront request, and how it was reached. */
export type GuardScope = { slug?: string; method?: AccessMethod };

type Loaded<P> = P | "unauthenticated" | "forbidden" | "unavailable";

export type Authentication<A extends GuardedArea> =
  | { status: "ok"; principal: Principals[A]; claims: AccessClaims }
  | { status: "unauthenticated" }
  | { status: "forbidden"; code: "ADMIN_REQUIRED" | "INSUFFICIENT_PERMISSIONS" }
  | { status: "unavailable" };

const liveSession = (area: AreaName) =>
  and(
    eq(sessions.id, sql.placeholder("sid")),
    eq(sessions.userId, sql.placeholder("sub")),
    eq(sessions.area, area),
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, sql`now()`),
    eq(sessions.tokenVersion, users.tokenVersion),
  );

const storeColumns = {
  id: stores.id,
  code: stores.code,
  slug: stores.slug,
  name: stores.name,
  status: stores.status,
  theme: stores.theme,
};

function userQuery(area: AreaName) {
  return db()
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      role: users.role,
      isActive: users.isActive,
      sessionExpiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(liveSession(area))
    .prepare(`guard_${area}`);
}

function storeMemberQuery(area: AreaName) {
  return db()
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      role: users.role,
      isActive: users.isActive,
      memberActive: storeMembers.isActive,
      storeRole: storeMembers.role,
      store: storeColumns,
      requireStaffMfa: stores.requireStaffMfa,
      hasTotp: sql<boolean>`${totpFactors.enabledAt} is not null`,
      sessionExpiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(stores, eq(stores.id, sessions.storeId))
    .innerJoin(
      storeMembers,
      and(eq(storeMembers.storeId, sessions.storeId), eq(storeMembers.userId, sessions.userId)),
    )
    .leftJoin(totpFactors, eq(totpFactors.userId, sessions.userId))
    .where(liveSession(area))
    .prepare(`guard_${area}`);
}

function customerQuery(area: AreaName) {
  return db()
    .select({
      customer: {
        id: customers.id,
        email: customers.email,
        firstName: customers.firstName,
        lastName: customers.lastName,
        customerNumber: customers.customerNumber,
        isActive: customers.isActive,
      },
      store: storeColumns,
      sessionExpiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(customers, eq(customers.id, sessions.customerId))
    .innerJoin(stores, eq(stores.id, customers.storeId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sid")),
        eq(sessions.customerId, sql.placeholder("sub")),
        eq(sessions.area, area),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(sessions.tokenVersion, customers.tokenVersion),
      ),
    )
    .prepare(`guard_${area}`);
}

// One prepared statement per area, made on first use.
const queries = new Map<AreaName, unknown>();

function prepared<Q>(area: AreaName, make: (area: AreaName) => Q): Q {
  if (!queries.has(area)) queries.set(area, make(area));
  return queries.get(area) as Q;
}

/** A person's session in an area without a store (the admin console): active, in the area's role. */
async function loadUser(def: AreaDefinition, claims: AccessClaims): Promise<Loaded<AdminPrincipal>> {
  const [row] = await sessionState(def.name, claims, () =>
    prepared(def.name, userQuery).execute({ sid: claims.sid, sub: claims.sub }),
  );
  if (!row || !row.isActive || row.role !== roleOf(def)) return "unauthenticated";
  return {
    area: def.name as "admin",
    id: row.id,
    username: row.username,
    email: row.email,
    role: row.role as "admin",
    sessionId: claims.sid,
  };
}

async function loadStoreMember(
  def: AreaDefinition,
  claims: AccessClaims,
  scope: GuardScope,
): Promise<Loaded<StorePrincipal>> {
  const [row] = await sessionState(def.name, claims, () =>
    prepared(def.name, storeMemberQuery).execute({ sid: claims.sid, sub: claims.sub }),
  );
  if (!row || !row.isActive || row.role !== roleOf(def) || !row.memberActive) return "unauthenticated";
  if (row.store.id !== claims.store_id) return "unauthenticated";
  // A live session of another store: the right kind of principal in the wrong place.
  if (scope.slug !== undefined && row.store.slug !== scope.slug) return "forbidden";
  if (row.store.status !== "active") return "unavailable";
  return {
    area: def.name as "store",
    id: row.id,
    username: row.username,
    email: row.email,
    sessionId: claims.sid,
    store: row.store,
    storeRole: row.storeRole,
    permissions: ROLE_PERMISSIONS[row.storeRole],
    mfaMissing: row.requireStaffMfa && !row.hasTotp,
  };
}

async function loadCustomer(
  def: AreaDefinition,
  claims: AccessClaims,
  scope: GuardScope,
): Promise<Loaded<CustomerPrincipal>> {
  const [row] = await sessionState(def.name, claims, () =>
    prepared(def.name, customerQuery).execute({ sid: claims.sid, sub: claims.sub }),
  );
  if (!row || !row.customer.isActive || row.store.id !== claims.store_id) return "unauthenticated";
  // A customer of another store: customers belong to exactly one store.
  if (scope.slug !== undefined && row.store.slug !== scope.slug) return "forbidden";
  if (row.store.status !== "active") return "unavailable";
  const { id, email, firstName, lastName, customerNumber } = row.customer;
  return {
    area: def.name as "customer",
    id,
    email,
    firstName,
    lastName,
    customerNumber,
    sessionId: claims.sid,
    store: row.store,
  };
}

function roleOf(def: AreaDefinition): string | null {
  return def.account.table === "users" ? def.account.role : null;
}

/** How the row's principal is loaded: a store's customer, a member of a store, or a person. */
function loaderOf(
  def: AreaDefinition,
): (def: AreaDefinition, claims: AccessClaims, scope: GuardScope) => Promise<Loaded<Principal>> {
  if (def.account.table === "customers") return loadCustomer;
  return def.storeScoped ? loadStoreMember : loadUser;
}

export async function authenticate<A extends GuardedArea>(
  token: string | null | undefined,
  area: A,
  scope: GuardScope = {},
): Promise<Authentication<A>> {
  if (!token) return { status: "unauthenticated" };
  const claims = await verifyAccessToken(token);
  if (!claims) return { status: "unauthenticated" };
  // A sound token of another area is the wrong principal, not a bad credential.
  if (claims.type !== area) return { status: "forbidden", code: AREAS[area].wrongPrincipalCode };
  if (!isUuid(claims.sid) || !isUuid(claims.sub)) return { status: "unauthenticated" };
  const def = AREAS[area];
  const loaded = await loaderOf(def)(def, claims, scope);
  if (loaded === "unauthenticated" || loaded === "unavailable") return { status: loaded };
  if (loaded === "forbidden") return { status: "forbidden", code: "INSUFFICIENT_PERMISSIONS" };
  return { status: "ok", principal: loaded as Principals[A], claims };
}

/**
 * API flavour: `Authorization: Bearer` only (cookies are ignored); 401, 403 or 503 otherwise.
 * A member who still has to set up the second factor the store requires gets 403
 * MFA_ENROLLMENT_REQUIRED, except where `mfaSetup` says the endpoint is part of setting it up.
 */
export async function requireApiPrincipal<A extends GuardedArea>(
  request: Request,
  area: A,
  scope: GuardScope = {},
  options: { mfaSetup?: boolean } = {},
): Promise<{ principal: Principals[A]; claims: AccessClaims }> {
  const result = await authenticate(bearerToken(request.headers.get("authorization")), area, scope);
  if (result.status === "unauthenticated") throw invalidToken();
  if (result.status === "forbidden") throw new ApiError(result.code);
  if (result.status === "unavailable") throw new ApiError("STORE_UNAVAILABLE");
  if ("mfaMissing" in result.principal && result.principal.mfaMissing && !options.mfaSetup) {
    throw new ApiError("MFA_ENROLLMENT_REQUIRED");
  }
  return result;
}

/** The store API's guard: a member of the store in the URL holding `permission`. */
export async function requireStorePermission(
  request: Request,
  slug: string,
  permission: Permission,
): Promise<StorePrincipal> {
  const { principal } = await requireApiPrincipal(request, "store", { slug });
  assertPermission(principal, permission);
  return principal;
}

function assertPermission(principal: StorePrincipal, permission: Permission): void {
  if (!principal.permissions.includes(permission)) {
    throw new ApiError("INSUFFICIENT_PERMISSIONS", { message: `Your role may not do this (${permission})` });
  }
}

/** How the visitor reached this storefront page, as the request layer found it. */
export function accessMethodOf(hdrs: Headers): AccessMethod {
  const method = hdrs.get(STORE_METHOD_HEADER);
  return method === "domain" || method === "subdomain" ? method : "path";
}

/**
 * Page flavour: the area's cookie or a Bearer header. No usable token → the area's login
 * page with `?next=`; a token of another area or store → the 403 page. Memoised per request.
 */
export const requirePagePrincipal = cache(
  async <A extends GuardedArea>(area: A, slug?: string): Promise<Principals[A]> => {
    const def = AREAS[area];
    const hdrs = await headers();
    const scope: GuardScope = { slug, method: def.reachedByHost ? accessMethodOf(hdrs) : undefined };
    const token = soleCookie(hdrs.get("cookie"), def.accessCookie) ?? bearerToken(hdrs.get("authorization"));
    const result = await authenticate(token, area, scope);
    if (result.status === "ok") {
      const principal = result.principal;
      // Until the member sets up the second factor the store requires, Security is the only page.
      if ("mfaMissing" in principal && principal.mfaMissing) {
        const security = `${def.homePath({ slug: principal.store.slug })}/security`;
        if (hdrs.get(REQUEST_PATH_HEADER)?.split("?")[0] !== security) redirect(`${security}?mfa=required`);
      }
      return principal;
    }
    // A suspended store's pages answer 503 in the request layer; this is the fallback.
    if (result.status === "forbidden" || result.status === "unavailable") forbidden();
    const next = safeNext(hdrs.get(REQUEST_PATH_HEADER), def.cookiePath(scopeOf(area, scope)));
    redirect(loginRedirectUrl(def.loginPath(scopeOf(area, scope)), next));
  },
);

/** A store page that needs `permission`: the 403 page for members whose role lacks it. */
export async function requireStorePagePermission(
  slug: string,
  permission: Permission,
): Promise<StorePrincipal> {
  const principal = await requirePagePrincipal("store", slug);
  if (!principal.permissions.includes(permission)) forbidden();
  return principal;
}

/** The principal if this page request carries a usable token of the area, else null. */
export async function currentPagePrincipal<A extends GuardedArea>(
  area: A,
  slug?: string,
): Promise<Principals[A] | null> {
  const cookie = (await headers()).get("cookie");
  const result = await authenticate(soleCookie(cookie, AREAS[area].accessCookie), area, { slug });
  return result.status === "ok" ? result.principal : null;
}
