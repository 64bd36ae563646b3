import { requireApiPrincipal } from "@/lib/auth/guards";
import { totpEndpoint, totpHolder } from "@/lib/auth/totp-account";
import { apiRouter, requestContext } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

// A router of its own (status and four actions, rows of the route table): it answers every
// method, 405 included.
const handler = apiRouter<{ action?: string[] }>(async (request, { params }) => {
  const { action = [] } = await params;
  const holder = async () => totpHolder((await requireApiPrincipal(request, "admin")).principal);
  return totpEndpoint(
    request,
    action.length > 1 ? "-" : action[0],
    holder,
    requestContext(request.headers),
    ADMIN_ROUTES.totp,
  );
});

export {
  handler as GET,
  handler as HEAD,
  handler as OPTIONS,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
};
