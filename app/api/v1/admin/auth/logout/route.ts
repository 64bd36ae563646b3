import { otherMethods } from "@/lib/http/methods";
import { logoutAdmin } from "@/lib/admin/auth";
import { clearedCookies } from "@/lib/auth/cookies";
import { requireApiPrincipal } from "@/lib/auth/guards";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json, requestContext } from "@/lib/http";

export const POST = apiRoute(async (request) => {
  const { principal } = await requireApiPrincipal(request, "admin");
  await logoutAdmin(principal.id, principal.sessionId, requestContext(request.headers));
  return withCookies(json({ message: "Signed out" }), clearedCookies("admin", {}));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
