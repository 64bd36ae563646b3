// "Continue with {provider}" on a storefront: the sign-in starts here, on the shop's own host,
// so the store, the access method and the host come from where the shopper is.
import { accessMethodOf } from "@/lib/auth/guards";
import { shopHostOf, startOnShop } from "@/lib/auth/social/flow";
import { messagePage } from "@/lib/auth/social/page";
import { providerOfStore } from "@/lib/auth/social/providers";
import { serializeCookie } from "@/lib/auth/cookies";
import { AREAS } from "@/lib/auth/areas";
import { storeBySlug } from "@/lib/tenancy/lookup";

type Context = { params: Promise<{ store: string; provider: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { store: slug, provider: providerId } = await params;
  const store = await storeBySlug(slug);
  const method = accessMethodOf(request.headers);
  const host = await shopHostOf(request.headers, slug);
  if (!store || store.status !== "active" || !host) return new Response("Not found", { status: 404 });
  const scope = { slug: store.slug, method };
  const provider = await providerOfStore(store, providerId);
  if (!provider) {
    return messagePage(404, "This sign-in method is not available", `${store.name} does not offer it.`, {
      url: AREAS.customer.loginPath(scope),
      label: "Back to sign in",
    });
  }
  const next = new URL(request.url).searchParams.get("next");
  const started = await startOnShop({
    store,
    method,
    host,
    provider,
    next,
  });
  const response = new Response(null, {
    status: 303,
    headers: { Location: started.location, "Cache-Control": "no-store" },
  });
  response.headers.append("Set-Cookie", serializeCookie(started.cookie));
  return response;
}
