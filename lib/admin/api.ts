// The wrapper of every admin API route: a live admin session, then the handler.
import "server-only";
import { type AdminPrincipal, requireApiPrincipal } from "@/lib/auth/guards";
import { type RequestContext, apiRoute, requestContext } from "@/lib/http";

export function adminRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (args: {
    request: Request;
    principal: AdminPrincipal;
    params: P;
    ctx: RequestContext;
  }) => Promise<Response>,
) {
  return apiRoute<P>(async (request, context) => {
    const { principal } = await requireApiPrincipal(request, "admin");
    return handler({
      request,
      principal,
      params: await context.params,
      ctx: requestContext(request.headers),
    });
  });
}
