import { requireApiPrincipal } from "@/lib/auth/guards";
import { totpEndpoint, totpHolder } from "@/lib/auth/totp-account";
import { apiRoute, requestContext } from "@/lib/http";

const handler = apiRoute<{ action?: string[] }>(async (request, { params }) => {
  const { action = [] } = await params;
  const { principal } = await requireApiPrincipal(request, "admin");
  return totpEndpoint(request, action.length > 1 ? "-" : action[0], totpHolder(principal), requestContext(request.headers));
});

export { handler as GET, handler as POST };
