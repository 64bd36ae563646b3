// Every address Orion puts in a mail or hands out (reset, verification, invitation) is built
// here from configuration and the database, never from the request's Host or forwarding
// headers, which a client writes: a link always leads to Orion itself.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { storeDomains } from "@/db/schema";
import { config } from "@/lib/config";
import { type AccessMethod, storefrontBase } from "@/lib/tenancy/resolve";

/** A page of the admin console or a store dashboard: on the platform's public origin. */
export function platformLink(path: string): string {
  return config().publicUrl + path;
}

/** The origin of a store host: the platform's scheme and port, the store's own host name. */
function storeOrigin(hostname: string): string {
  const url = new URL(config().publicUrl);
  url.hostname = hostname;
  return url.origin;
}

/**
 * A storefront page in the form the shopper used: on the store's verified custom domain (the
 * one they came by when it is one of the store's, else its first), on {slug}.PLATFORM_DOMAIN,
 * or under /storefront/{slug} on the platform. A store that has lost its domain falls back to
 * the path form, which always works.
 */
export async function storefrontLink(
  store: { id: string; slug: string },
  method: AccessMethod,
  path: string,
  visitedHostname?: string | null,
): Promise<string> {
  if (method === "subdomain") {
    return (
      storeOrigin(`${store.slug}.${new URL(config().publicUrl).hostname}`) +
      storefrontBase(method, store.slug) +
      path
    );
  }
  if (method === "domain") {
    const wanted = (visitedHostname ?? "").toLowerCase();
    const [domain] = await db()
      .select({ domain: storeDomains.domain })
      .from(storeDomains)
      .where(and(eq(storeDomains.storeId, store.id), eq(storeDomains.isVerified, true)))
      .orderBy(sql`lower(${storeDomains.domain}) = ${wanted} desc`, asc(storeDomains.domain))
      .limit(1);
    if (domain) return storeOrigin(domain.domain.toLowerCase()) + storefrontBase(method, store.slug) + path;
  }
  return config().publicUrl + storefrontBase("path", store.slug) + path;
}
