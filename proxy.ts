// The request layer (Next.js 16 calls it proxy.ts): routing and a cheap token check for page
// areas. The authoritative check is in the guards of lib/auth, which every page repeats.
import { type NextRequest, NextResponse } from "next/server";
import { AREAS } from "@/lib/auth/areas";
import { REQUEST_PATH_HEADER } from "@/lib/auth/paths";
import { loginRedirectUrl, safeNext } from "@/lib/auth/safe-next";
import { bearerToken, verifyAccessToken } from "@/lib/auth/tokens";

function isLoginPage(pathname: string): boolean {
  return pathname === "/admin/login" || pathname.startsWith("/admin/login/");
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const forwarded = new Headers(request.headers);
  // Always ours, never the client's: the guards read it to build `?next=`.
  forwarded.set(REQUEST_PATH_HEADER, pathname + search);

  if (!isLoginPage(pathname)) {
    const admin = AREAS.admin;
    const token =
      request.cookies.get(admin.accessCookie)?.value ?? bearerToken(request.headers.get("authorization"));
    // Any sound token passes: a token of another area gets the guard's 403 page, not a login.
    const claims = token ? await verifyAccessToken(token) : null;
    if (!claims) {
      const next = safeNext(pathname + search, admin.cookiePath({}));
      const target = new URL(loginRedirectUrl(admin.loginPath({}), next), request.url);
      return NextResponse.redirect(target, request.method === "GET" || request.method === "HEAD" ? 307 : 303);
    }
  }
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ["/admin", "/admin/:path*"],
};
