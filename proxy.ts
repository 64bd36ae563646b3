// The request layer (Next.js 16 calls it proxy.ts). It only routes: finds the store of a
// storefront request by host or path and rewrites it to /storefront/{slug}/…, keeps slugs
// lowercase, answers for suspended and unknown stores, and sends page requests without a
// verifiable token to their area's login. The guards of lib/auth make the real check.
import { type NextRequest, NextResponse } from "next/server";
import { AREAS, AREA_NAMES, type AreaName, type CookieScope, scopeOf } from "@/lib/auth/areas";
import { type CookieSpec, clearedCookies, serializeCookie, soleCookie } from "@/lib/auth/cookies";
import { renewFromRefreshCookie } from "@/lib/auth/page-renewal";
import { REQUEST_PATH_HEADER, STORE_METHOD_HEADER } from "@/lib/auth/paths";
import { loginRedirectUrl, safeNext } from "@/lib/auth/safe-next";
import { bearerToken, verifyAccessToken } from "@/lib/auth/tokens";
import { config as appConfig } from "@/lib/config";
import { isSameOrigin } from "@/lib/auth/origin";
import { isDatabaseUnavailable } from "@/lib/http/errors";
import { OUTAGE_PAGE_HEADERS, OUTAGE_PAGE_HTML } from "@/lib/outage-page";
import { noteDatabaseUnavailable } from "@/lib/outage";
import { requestContext } from "@/lib/http";
import { EDGE_SECRET_ENV, edgeOf } from "@/lib/net/edge";
import { pageAreaOf, storefrontPageIsPublic } from "@/lib/routing";
import { NONCE_HEADER, newNonce, pageCsp, referrerPolicyFor } from "@/lib/security-headers";
import { recognizeHost } from "@/lib/tenancy/host";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { type AccessMethod, slugAfter } from "@/lib/tenancy/resolve";
import { processSingleton } from "@/lib/process-global";
import { proxyPasses } from "@/lib/proxy-passes";

// Next.js hands a rewrite to another host name back to the server as a new request (and a
// server action's redirect is rendered by a request of its own), which passes through here
// again with Host set to the server's own address. This mark, secret to the process and bound
// to the rewritten path, lets such a pass go straight on or be routed by the visitor's host.
const REWRITE_MARK = "x-orion-rewritten";
// Orion's server shares its secret, so it knows such a pass too and leaves its stamp alone.
const rewriteSecret =
  process.env[EDGE_SECRET_ENV] || processSingleton("orionRewriteSecret", () => crypto.randomUUID());

/** The path our own earlier pass marked this request for, if it is ours; null otherwise. */
function ownMark(request: NextRequest): string | null {
  const [secret, markedPath] = (request.headers.get(REWRITE_MARK) ?? "").split(" ");
  return secret === rewriteSecret ? (markedPath ?? "") : null;
}

/** The request headers to pass on: those this pass set (nonce, policy) and `extra`. */
function forwarded(request: NextRequest, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return headers;
}

/** On to the page, with the forwarded request headers. */
function onward(request: NextRequest, extra: Record<string, string> = {}): NextResponse {
  return NextResponse.next({ request: { headers: forwarded(request, extra) } });
}

function redirect(request: NextRequest, location: string, status: number): NextResponse {
  return NextResponse.redirect(new URL(location, request.url), status);
}

function page(status: number, title: string, text: string): NextResponse {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;text-align:center;color:#0f172a"><main><p style="color:#64748b;font-weight:600;letter-spacing:.05em;text-transform:uppercase;font-size:.8rem">${status}</p><h1>${escape(title)}</h1><p style="color:#475569">${escape(text)}</p></main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The database is away: every page says so, with 503, and comes back by itself. */
const temporarilyUnavailable = () =>
  new NextResponse(OUTAGE_PAGE_HTML, { status: 503, headers: OUTAGE_PAGE_HEADERS });

const notFound = () => page(404, "There is nothing here", "Check the address and try again.");

/** A Host that is none of ours: nothing is rendered for it. */
const unknownHost = () => page(400, "Unknown address", "This site is not served at this address.");

/** A form posted from another site (or none): refused before any action runs. */
const crossOrigin = () =>
  page(403, "This form was sent from another site", "Go back to the page and try again.");

/** A suspended store's pages: 503, and no page of it rendered at all. */
const unavailable = (name: string) =>
  page(503, `${name} is currently unavailable`, "Please come back later.");

// The area whose pages a store's own host (and /storefront/{slug}) serves.
const HOST_AREA = AREA_NAMES.find((name) => AREAS[name].reachedByHost)!;

// Cookies renewed while routing this request, for its response (see requireToken).
const renewedCookies = new WeakMap<NextRequest, CookieSpec[]>();

/**
 * Lets a page request through with a verifiable token of `area`. Without one, a GET or HEAD
 * renews the session from the refresh cookie: the page gets the new access token in the
 * request's cookies and the browser gets both new cookies with the response. Otherwise → the
 * area's login page. A form post (server action) never renews: it gets the login redirect (303)
 * and its refresh cookie stays, untried, so only a safe method ever rotates the session.
 */
async function requireToken(
  request: NextRequest,
  area: AreaName,
  scope: CookieScope,
  visiblePath: string,
): Promise<NextResponse | null> {
  const def = AREAS[area];
  const cookieHeader = request.headers.get("cookie");
  const token =
    soleCookie(cookieHeader, def.accessCookie) ?? bearerToken(request.headers.get("authorization"));
  // Any sound token passes: a token of another area gets the guard's 403 page, not a login.
  if (token && (await verifyAccessToken(token))) return null;
  const safeMethod = request.method === "GET" || request.method === "HEAD";
  const refresh = safeMethod ? soleCookie(cookieHeader, def.refreshCookie) : null;
  if (refresh) {
    const renewal = await renewFromRefreshCookie(area, scope, refresh, requestContext(request.headers));
    if (renewal) {
      request.cookies.set(def.accessCookie, renewal.accessToken);
      renewedCookies.set(request, renewal.cookies);
      return null;
    }
  }
  const next = safeNext(visiblePath, def.cookiePath(scope));
  const status = safeMethod ? 307 : 303;
  const response = redirect(request, loginRedirectUrl(def.loginPath(scope), next), status);
  // A refresh cookie that renews nothing is dropped, so it is not tried again.
  if (refresh)
    for (const spec of clearedCookies(area, scope))
      response.headers.append("Set-Cookie", serializeCookie(spec));
  return response;
}

async function storefront(
  request: NextRequest,
  slug: string,
  method: AccessMethod,
  rest: string,
): Promise<NextResponse> {
  const store = await storeBySlug(slug);
  if (!store) return notFound();
  if (store.status !== "active") return unavailable(store.name);
  const { pathname, search } = request.nextUrl;
  if (!storefrontPageIsPublic(rest)) {
    const refused = await requireToken(request, HOST_AREA, { slug, method }, pathname + search);
    if (refused) return refused;
  }
  // Always ours, never the client's.
  const own = { [REQUEST_PATH_HEADER]: pathname + search, [STORE_METHOD_HEADER]: method };
  if (method === "path") return onward(request, own);
  const target = new URL(`/storefront/${slug}${rest}${search}`, request.url);
  const headers = forwarded(request, { ...own, [REWRITE_MARK]: `${rewriteSecret} ${target.pathname}` });
  return NextResponse.rewrite(target, { request: { headers } });
}

/**
 * Every page gets its own script nonce and policy (lib/security-headers), renewed cookies, and
 * HSTS in production, so browsers never reach a sign-in page over plain HTTP.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  proxyPasses().count++;
  // Our own later pass of a request is already being rendered with the first pass's nonce.
  const nonce = (ownMark(request) !== null && request.headers.get(NONCE_HEADER)) || newNonce();
  const csp = pageCsp(nonce);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  request.headers.set(NONCE_HEADER, nonce);
  request.headers.set("Content-Security-Policy", csp);
  let response: NextResponse;
  try {
    response = await route(request);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseUnavailable();
    response = temporarilyUnavailable();
  }
  response.headers.set("Content-Security-Policy", csp);
  const referrerPolicy = referrerPolicyFor(request.nextUrl.pathname);
  if (referrerPolicy) response.headers.set("Referrer-Policy", referrerPolicy);
  for (const spec of renewedCookies.get(request) ?? [])
    response.headers.append("Set-Cookie", serializeCookie(spec));
  if (appConfig().isProduction) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

async function route(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const markedPath = ownMark(request);
  const ours = markedPath !== null;
  // Our own rewrite coming back: routed already.
  if (ours && markedPath === pathname) return onward(request);
  // The visitor's host as Orion's server saw it; a later pass of the same visit keeps it.
  const host = await recognizeHost(edgeOf(request.headers).host);
  if (host.kind === "unknown") return unknownHost();
  // A server action is a POST to a page: only from our own origin (Next's own check would 500).
  if (!ours && request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request.headers))
    return crossOrigin();

  // A store's own host serves its storefront under /storefront, and nothing else.
  if (host.kind === "store") {
    if (pathname === "/") return redirect(request, "/storefront", 307);
    if (pathname !== "/storefront" && !pathname.startsWith("/storefront/")) return notFound();
    return storefront(request, host.slug, host.method, pathname.slice("/storefront".length));
  }

  const path = slugAfter(pathname, "/storefront/");
  if (path) {
    if (path.raw !== path.slug) {
      return redirect(
        request,
        pathname.replace(`/storefront/${path.raw}`, `/storefront/${path.slug}`) + search,
        308,
      );
    }
    return storefront(request, path.slug, "path", pathname.slice(`/storefront/${path.slug}`.length));
  }

  const area = pageAreaOf(pathname);
  if (!area) return onward(request);
  const scope = scopeOf(area.area, { slug: "slug" in area ? area.slug : undefined });
  if ("slug" in area) {
    // One spelling per store, so the cookie Path always matches.
    if (area.rawSlug !== area.slug) {
      return redirect(
        request,
        pathname.replace(`/store/${area.rawSlug}`, `/store/${area.slug}`) + search,
        308,
      );
    }
    const store = await storeBySlug(area.slug);
    if (!store) return onward(request);
    if (store.status !== "active") return unavailable(store.name);
  }
  if (!area.public) {
    const refused = await requireToken(request, area.area, scope, pathname + search);
    if (refused) return refused;
  }
  return onward(request, { [REQUEST_PATH_HEADER]: pathname + search });
}

export const config = {
  // Pages only: the JSON API and static assets never pass through here.
  matcher: [
    "/",
    "/admin",
    "/admin/:path*",
    "/developers/:path*",
    "/store/:path*",
    "/storefront",
    "/storefront/:path*",
  ],
};
