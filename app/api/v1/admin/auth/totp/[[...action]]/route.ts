import { requireApiPrincipal } from "@/lib/auth/guards";
import { totpEndpoint, totpHolder } from "@/lib/auth/totp-account";
import { apiRoute, requestContext } from "@/lib/http";

// A router of its own (status and four actions): it answers every method, 405 included.
const handler = apiRoute<{ action?: string[] }>(async (request, { params }) => {
  const { action = [] } = await params;
  const holder = async () => totpHolder((await requireApiPrincipal(request, "admin")).principal);
  return totpEndpoint(request, action.length > 1 ? "-" : action[0], holder, requestContext(request.headers));
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
