// The request layer (Next.js 16 calls it proxy.ts): routing and a cheap token check for page
// areas. The authoritative check is in the guards of lib/auth, which every page repeats.
import { type NextRequest, NextResponse } from "next/server";
import { AREAS } from "@/lib/auth/areas";
import { REQUEST_PATH_HEADER } from "@/lib/auth/paths";
import { loginRedirectUrl, safeNext } from "@/lib/auth/safe-next";
import { bearerToken, verifyAccessToken } from "@/lib/auth/tokens";
import { pageAreaOf } from "@/lib/routing";
import { storeBySlug } from "@/lib/stores/lookup";

function redirect(request: NextRequest, location: string, status: number): NextResponse {
  return NextResponse.redirect(new URL(location, request.url), status);
}

/** A suspended store's pages: 503, and no page of it rendered at all. */
function storeUnavailable(name: string): NextResponse {
  const escaped = name.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Store unavailable</title></head><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;text-align:center;color:#0f172a"><main><p style="color:#d97706;font-weight:600;letter-spacing:.05em;text-transform:uppercase;font-size:.8rem">503 · Unavailable</p><h1>${escaped} is currently unavailable</h1><p style="color:#475569">Please come back later.</p></main></body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "3600" },
  });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const page = pageAreaOf(pathname);
  if (!page) return NextResponse.next();

  const scope = page.area === "store" ? { slug: page.slug } : {};
  if (page.area === "store") {
    // One spelling per store, so the cookie Path always matches.
    if (page.rawSlug !== page.slug) {
      return redirect(request, pathname.replace(`/store/${page.rawSlug}`, `/store/${page.slug}`) + search, 308);
    }
    const store = await storeBySlug(page.slug);
    if (!store) return NextResponse.next();
    if (store.status !== "active") return storeUnavailable(store.name);
  }

  const forwarded = new Headers(request.headers);
  // Always ours, never the client's: the guards read it to build `?next=`.
  forwarded.set(REQUEST_PATH_HEADER, pathname + search);

  if (!page.public) {
    const def = AREAS[page.area];
    const token = request.cookies.get(def.accessCookie)?.value ?? bearerToken(request.headers.get("authorization"));
    // Any sound token passes: a token of another area gets the guard's 403 page, not a login.
    if (!token || !(await verifyAccessToken(token))) {
      const next = safeNext(pathname + search, def.cookiePath(scope));
      const status = request.method === "GET" || request.method === "HEAD" ? 307 : 303;
      return redirect(request, loginRedirectUrl(def.loginPath(scope), next), status);
    }
  }
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ["/admin", "/admin/:path*", "/store/:path*"],
};
