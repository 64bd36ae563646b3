import { otherMethods } from "@/lib/http/methods";
import { clearedCookies } from "@/lib/auth/cookies";
import { requireApiPrincipal } from "@/lib/auth/guards";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { logoutStore } from "@/lib/store/auth";

export const POST = apiRoute(
  STORE_ROUTES.logout,
  // Any store's session, even one that still has to set up two-factor sign-in.
  async (request) => (await requireApiPrincipal(request, "store", {}, { mfaSetup: true })).principal,
  async ({ loaded: principal, ctx }) => {
    await logoutStore(principal.id, principal.store.id, principal.sessionId, ctx);
    return withCookies(
      json({ message: "Signed out" }),
      clearedCookies("store", { slug: principal.store.slug }),
    );
  },
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
