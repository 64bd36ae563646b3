import { otherMethods } from "@/lib/http/methods";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { removeDomain } from "@/lib/store/settings";

export const DELETE = storeRoute(STORE_ROUTES.removeDomain, async ({ principal, params }) => {
  await removeDomain(principal.store.id, params.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH } = otherMethods({ DELETE });
