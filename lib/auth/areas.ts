// One description per area (docs/architecture.md, "The area table"): everything that differs
// between the admin console, the store dashboards and the storefronts is a row of this table,
// and the code that signs in, guards, renews, resets and routes reads the row, not the name.
// Pure data and path functions only: the request layer and client code import it too.

/** The closed list of area names; the database enum, the forms' choices and the filters use it. */
export const AREA_NAMES = ["admin", "store", "customer"] as const;
export type AreaName = (typeof AREA_NAMES)[number];

/** Where an area's cookie lives: the store's slug, and for storefronts how the visitor came. */
export type CookieScope = { slug?: string; method?: "domain" | "subdomain" | "path" };

/**
 * Whose accounts sign in to an area: people (the users table, with one role) or one store's
 * customers. Finding by identifier, loading, refreshing and resetting follow from it.
 */
type AreaAccount = { table: "users"; role: "admin" | "store" } | { table: "customers" };

export type AreaDefinition = {
  name: AreaName;
  /** The JWT `type` claim, `aud` (`orion:<type>`) and header `typ` (`<type>+jwt`). */
  audience: string;
  tokenType: string;
  accessCookie: string;
  refreshCookie: string;
  /** Holds the pending second step of a page login (an MFA challenge, never a session). */
  mfaCookie: string;
  cookiePath: (scope: CookieScope) => string;
  loginPath: (scope: CookieScope) => string;
  homePath: (scope: CookieScope) => string;
  /** Where a page login asks for the second factor. */
  mfaPath: (scope: CookieScope) => string;
  /** Absolute session lifetime, however often it is refreshed (docs/security.md, S34). */
  sessionHours: number;
  /** The error code for a sound token of another area. */
  wrongPrincipalCode: "ADMIN_REQUIRED" | "INSUFFICIENT_PERMISSIONS";
  account: AreaAccount;
  /** Sessions, challenges and reset links of the area belong to one store (the URL's). */
  storeScoped: boolean;
  /** Its pages are reached by the store's host (custom domain, subdomain) as well as by path. */
  reachedByHost: boolean;
  /** The shortest new password the area accepts. */
  minPasswordChars: number;
};

function storeSlug(scope: CookieScope): string {
  if (!scope.slug) throw new Error("this area needs a store slug");
  return scope.slug;
}

function storefrontBase(scope: CookieScope): string {
  return scope.method === "path" ? `/storefront/${storeSlug(scope)}` : "/storefront";
}

export const AREAS: Record<AreaName, AreaDefinition> = {
  admin: {
    name: "admin",
    audience: "orion:admin",
    tokenType: "admin+jwt",
    accessCookie: "admin_token",
    refreshCookie: "admin_refresh",
    mfaCookie: "admin_mfa",
    cookiePath: () => "/admin",
    loginPath: () => "/admin/login",
    homePath: () => "/admin",
    mfaPath: () => "/admin/login/mfa",
    sessionHours: 12,
    wrongPrincipalCode: "ADMIN_REQUIRED",
    account: { table: "users", role: "admin" },
    storeScoped: false,
    reachedByHost: false,
    minPasswordChars: 12,
  },
  store: {
    name: "store",
    audience: "orion:store",
    tokenType: "store+jwt",
    accessCookie: "store_token",
    refreshCookie: "store_refresh",
    mfaCookie: "store_mfa",
    cookiePath: (scope) => `/store/${storeSlug(scope)}`,
    loginPath: (scope) => `/store/${storeSlug(scope)}/login`,
    homePath: (scope) => `/store/${storeSlug(scope)}`,
    mfaPath: (scope) => `/store/${storeSlug(scope)}/login/mfa`,
    sessionHours: 12,
    wrongPrincipalCode: "INSUFFICIENT_PERMISSIONS",
    account: { table: "users", role: "store" },
    storeScoped: true,
    reachedByHost: false,
    minPasswordChars: 12,
  },
  customer: {
    name: "customer",
    audience: "orion:customer",
    tokenType: "customer+jwt",
    accessCookie: "customer_token",
    refreshCookie: "customer_refresh",
    mfaCookie: "customer_mfa",
    cookiePath: storefrontBase,
    loginPath: (scope) => `${storefrontBase(scope)}/account/login`,
    homePath: (scope) => `${storefrontBase(scope)}/account`,
    mfaPath: (scope) => `${storefrontBase(scope)}/account/login/mfa`,
    sessionHours: 30 * 24,
    wrongPrincipalCode: "INSUFFICIENT_PERMISSIONS",
    account: { table: "customers" },
    storeScoped: true,
    reachedByHost: true,
    minPasswordChars: 8,
  },
};

export function isAreaName(value: unknown): value is AreaName {
  return typeof value === "string" && Object.hasOwn(AREAS, value);
}

/** The cookie scope of an area's request: the store's slug and access method where the area has a store. */
export function scopeOf(area: AreaName, scope: CookieScope): CookieScope {
  const def = AREAS[area];
  if (!def.storeScoped) return {};
  return def.reachedByHost ? { slug: scope.slug, method: scope.method } : { slug: scope.slug };
}
