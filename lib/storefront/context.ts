// The store of a storefront request, for pages and for the API, from the one resolver.
import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { Store } from "@/db/schema";
import { accessMethodOf } from "@/lib/auth/guards";
import { ApiError } from "@/lib/http/errors";
import { config } from "@/lib/config";
import { storefrontLink } from "@/lib/links";
import { edgeOf } from "@/lib/net/edge";
import { storeBySlug, storeSlugByDomain } from "@/lib/tenancy/lookup";
import {
  type AccessMethod,
  classifyHost,
  hostnameOf,
  resolveApiStore,
  storefrontBase,
} from "@/lib/tenancy/resolve";

export type StorefrontContext = { store: Store; method: AccessMethod; base: string };

/** For a storefront page: the store of the URL and the form the visitor came by. */
export async function storefrontPage(slug: string): Promise<StorefrontContext> {
  const store = await storeBySlug(slug);
  if (!store) notFound();
  const method = accessMethodOf(await headers());
  return { store, method, base: storefrontBase(method, store.slug) };
}

/** For a storefront API call: host, then path, then Referer; 404, 400 or 503 otherwise. */
export async function storefrontApi(request: Request, pathSlug: string | null): Promise<StorefrontContext> {
  const host = classifyHost(edgeOf(request.headers).host, config().platformDomain);
  const domainSlug = host.kind === "custom" ? await storeSlugByDomain(host.hostname) : null;
  const resolved = resolveApiStore({
    host,
    domainSlug,
    pathSlug,
    referer: request.headers.get("referer"),
    platformDomain: config().platformDomain,
  });
  if (!resolved.ok) {
    throw resolved.reason === "conflict"
      ? new ApiError("BAD_REQUEST", { message: "The store in the address and the store of this host differ" })
      : new ApiError("NOT_FOUND", { message: "No such store" });
  }
  const store = await storeBySlug(resolved.slug);
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  if (store.status !== "active") throw new ApiError("STORE_UNAVAILABLE");
  return { store, method: resolved.method, base: storefrontBase(resolved.method, store.slug) };
}

/** A link into this shop for a mail, at the store's configured address in the form the shopper used. */
export function shopLink(shop: StorefrontContext, requestHeaders: Headers, path: string): Promise<string> {
  return storefrontLink(shop.store, shop.method, path, hostnameOf(edgeOf(requestHeaders).host));
}
