// One description per area (SPEC §5, STYLE convention 1): everything that differs between
// the admin console, the store dashboards and the storefronts is a row of this table.
export type AreaName = "admin" | "store" | "customer";

/** Where an area's cookie lives: the store's slug, and for storefronts how the visitor came. */
export type CookieScope = { slug?: string; method?: "domain" | "subdomain" | "path" };

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
  /** Absolute session lifetime, however often it is refreshed (SPEC §4). */
  sessionHours: number;
  /** The error code for a sound token of another area (SPEC §6). */
  wrongPrincipalCode: "ADMIN_REQUIRED" | "INSUFFICIENT_PERMISSIONS";
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
    sessionHours: 12,
    wrongPrincipalCode: "ADMIN_REQUIRED",
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
    sessionHours: 12,
    wrongPrincipalCode: "INSUFFICIENT_PERMISSIONS",
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
    sessionHours: 30 * 24,
    wrongPrincipalCode: "INSUFFICIENT_PERMISSIONS",
  },
};

export function isAreaName(value: unknown): value is AreaName {
  return value === "admin" || value === "store" || value === "customer";
}
