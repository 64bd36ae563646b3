// Every auth cookie is built here from the area table: name, Path and attributes.
import { config } from "@/lib/config";
import { AREAS, type AreaName, type CookieScope } from "./areas";

export type CookieSpec = {
  name: string;
  value: string;
  path: string;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  /** Seconds; absent for a browser-session cookie. */
  maxAge?: number;
};

function base(name: string, value: string, path: string): CookieSpec {
  return { name, value, path, httpOnly: true, sameSite: "lax", secure: config().isProduction };
}

/** The access-token cookie: lives exactly as long as the token (`Max-Age` = lifetime). */
export function accessCookie(
  area: AreaName,
  scope: CookieScope,
  token: string,
  expiresIn: number,
): CookieSpec {
  const def = AREAS[area];
  return { ...base(def.accessCookie, token, def.cookiePath(scope)), maxAge: expiresIn };
}

/** The refresh cookie: 30 days with "remember me", otherwise until the browser closes. */
export function refreshCookie(
  area: AreaName,
  scope: CookieScope,
  token: string,
  rememberMe: boolean,
  expiresAt: Date,
): CookieSpec {
  const def = AREAS[area];
  const spec = base(def.refreshCookie, token, def.cookiePath(scope));
  if (rememberMe) spec.maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return spec;
}

/** The pending second step of a page login: as long as the challenge lives. */
export function mfaCookie(area: AreaName, scope: CookieScope, token: string, maxAge: number): CookieSpec {
  const def = AREAS[area];
  return { ...base(def.mfaCookie, token, def.cookiePath(scope)), maxAge };
}

export function clearedMfaCookie(area: AreaName, scope: CookieScope): CookieSpec {
  return mfaCookie(area, scope, "", 0);
}

/** Deletion cookies for logout: the same names, Path and attributes, `Max-Age=0`. */
export function clearedCookies(area: AreaName, scope: CookieScope): CookieSpec[] {
  const def = AREAS[area];
  const path = def.cookiePath(scope);
  return [def.accessCookie, def.refreshCookie].map((name) => ({ ...base(name, "", path), maxAge: 0 }));
}

export function serializeCookie(spec: CookieSpec): string {
  const parts = [`${spec.name}=${encodeURIComponent(spec.value)}`, `Path=${spec.path}`];
  if (spec.maxAge !== undefined) parts.push(`Max-Age=${spec.maxAge}`);
  parts.push("HttpOnly", "SameSite=Lax");
  if (spec.secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * The value of cookie `name` when the request's Cookie header carries it exactly once. A
 * second cookie of that name is one the browser also holds from elsewhere — a sibling host's
 * `Domain=` cookie, or one with a broader or narrower Path — and nothing tells which copy is
 * ours, so neither is used (checklist S20). Parsed like Next.js's own cookie reader.
 */
export function soleCookie(header: string | null | undefined, name: string): string | undefined {
  let found: string | undefined;
  let count = 0;
  for (const pair of (header ?? "").split(/; */)) {
    const eq = pair.indexOf("=");
    if (eq === -1 || pair.slice(0, eq) !== name) continue;
    count += 1;
    try {
      found = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      found = undefined;
    }
  }
  return count === 1 ? found : undefined;
}
