// The wrapper of every store API route: the slug from the URL, the member's session for that
// store, the permission its table row names (lib/http/routes/store.ts), the route's input,
// then the handler.
import "server-only";
import { requireStorePermission, type StorePrincipal } from "@/lib/auth/guards";
import { type RouteCall, apiRoute } from "@/lib/http";
import type { ApiRoute } from "@/lib/http/routes";
import type { Permission } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/errors";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { apiSlug } from "@/lib/tenancy/slug";

export function storeRoute<R extends ApiRoute & { area: "store"; permission: Permission }>(
  route: R,
  handler: (call: RouteCall<R, StorePrincipal> & { principal: StorePrincipal }) => Promise<Response>,
) {
  return apiRoute(
    route,
    (request, params: { store: string }) =>
      requireStorePermission(request, apiSlug(request, params.store), route.permission),
    (call) => handler({ ...call, principal: call.loaded }),
  );
}

/** The store a public store route names (an invitation's): 404 when there is none. */
export async function storeOfPath(request: Request, params: { store: string }) {
  const store = await storeBySlug(apiSlug(request, params.store));
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  return store;
}
