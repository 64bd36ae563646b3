import { otherMethods } from "@/lib/http/methods";
import { storeRoute } from "@/lib/store/api";
import { removeDomain } from "@/lib/store/settings";
import { idParam } from "@/lib/validation";

export const DELETE = storeRoute<{ store: string; id: string }>(
  "settings.manage",
  async ({ principal, params }) => {
    await removeDomain(principal.store.id, idParam(params.id, "domain"));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH } = otherMethods({ DELETE });
