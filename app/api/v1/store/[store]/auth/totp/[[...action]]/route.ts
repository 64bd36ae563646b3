import { requireApiPrincipal } from "@/lib/auth/guards";
import { totpEndpoint, totpHolder } from "@/lib/auth/totp-account";
import { apiRoute, requestContext } from "@/lib/http";
import { apiSlug } from "@/lib/stores/slug";

const handler = apiRoute<{ store: string; action?: string[] }>(async (request, { params }) => {
  const { store, action = [] } = await params;
  const { principal } = await requireApiPrincipal(request, "store", { slug: apiSlug(request, store) }, { mfaSetup: true });
  return totpEndpoint(request, action.length > 1 ? "-" : action[0], totpHolder(principal), requestContext(request.headers));
});

export { handler as GET, handler as POST };
