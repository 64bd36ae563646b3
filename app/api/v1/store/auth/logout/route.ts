import { otherMethods } from "@/lib/http/methods";
import { clearedCookies } from "@/lib/auth/cookies";
import { requireApiPrincipal } from "@/lib/auth/guards";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json, requestContext } from "@/lib/http";
import { logoutStore } from "@/lib/store/auth";

export const POST = apiRoute(async (request) => {
  const { principal } = await requireApiPrincipal(request, "store", {}, { mfaSetup: true });
  await logoutStore(principal.id, principal.store.id, principal.sessionId, requestContext(request.headers));
  return withCookies(
    json({ message: "Signed out" }),
    clearedCookies("store", { slug: principal.store.slug }),
  );
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
