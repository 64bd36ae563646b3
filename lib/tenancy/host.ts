// Which of our addresses a request was sent to: the platform, a store's own host (verified
// custom domain or {slug}.PLATFORM_DOMAIN), or none of ours. A request for none of ours is
// refused whole (400): nothing is rendered or mailed for a host we do not serve.
import "server-only";
import { config } from "@/lib/config";
import { edgeOf } from "@/lib/net/edge";
import { storeBySlug, storeSlugByDomain } from "./lookup";
import { classifyHost } from "./resolve";

export type KnownHost =
  | { kind: "platform" }
  | { kind: "store"; slug: string; method: "domain" | "subdomain"; hostname: string }
  | { kind: "unknown" };

export async function recognizeHost(host: string | null): Promise<KnownHost> {
  const found = classifyHost(host, config().platformDomain);
  if (found.kind === "platform") return { kind: "platform" };
  if (found.kind === "subdomain") {
    const store = await storeBySlug(found.slug);
    return store
      ? {
          kind: "store",
          slug: store.slug,
          method: "subdomain",
          hostname: `${store.slug}.${config().platformDomain}`,
        }
      : { kind: "unknown" };
  }
  if (found.kind === "custom") {
    const slug = await storeSlugByDomain(found.hostname);
    return slug ? { kind: "store", slug, method: "domain", hostname: found.hostname } : { kind: "unknown" };
  }
  return { kind: "unknown" };
}

/** The host of this request as our own server saw it, recognised. */
export function hostOfRequest(headers: Headers): Promise<KnownHost> {
  return recognizeHost(edgeOf(headers).host);
}
