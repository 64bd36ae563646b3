// The wrapper of every admin API route: a live admin session, then the route's input as its
// table row describes it (lib/http/routes/admin.ts), then the handler.
import "server-only";
import { type AdminPrincipal, requireApiPrincipal } from "@/lib/auth/guards";
import { type RouteCall, apiRoute } from "@/lib/http";
import type { ApiRoute } from "@/lib/http/routes";

export function adminRoute<R extends ApiRoute & { area: "admin" }>(
  route: R,
  handler: (call: RouteCall<R, AdminPrincipal> & { principal: AdminPrincipal }) => Promise<Response>,
) {
  return apiRoute(
    route,
    async (request) => (await requireApiPrincipal(request, "admin")).principal,
    (call) => handler({ ...call, principal: call.loaded }),
  );
}
