// The wrapper of every store API route: the slug from the URL, the member's session for that
// store, the permission the route needs, then the handler.
import "server-only";
import { requireStorePermission, type StorePrincipal } from "@/lib/auth/guards";
import { type RequestContext, apiRoute, requestContext } from "@/lib/http";
import { apiSlug } from "@/lib/tenancy/slug";
import type { Permission } from "@/lib/auth/permissions";

type Params = { store: string } & Record<string, string>;

export function storeRoute<P extends Params>(
  permission: Permission,
  handler: (args: {
    request: Request;
    principal: StorePrincipal;
    params: P;
    ctx: RequestContext;
  }) => Promise<Response>,
) {
  return apiRoute<P>(async (request, context) => {
    const params = await context.params;
    const slug = apiSlug(request, params.store);
    const principal = await requireStorePermission(request, slug, permission);
    return handler({ request, principal, params, ctx: requestContext(request.headers) });
  });
}
