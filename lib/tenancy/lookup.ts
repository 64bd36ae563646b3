// Stores by slug or code, cached briefly in each server process: the request layer and the
// guards ask on every page request. A change made here is seen at once by this process and
// within STORE_CACHE_MS by the others.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { type Store, storeDomains, stores } from "@/db/schema";
import { processSingleton } from "@/lib/process-global";

const STORE_CACHE_MS = 5_000;

// On globalThis: the request layer and the route handlers are separate bundles in one process,
// and a change made through either must be seen by both.
const bySlug = processSingleton(
  "orionStoresBySlug",
  () => new Map<string, { store: Store | null; at: number }>(),
);

export async function storeBySlug(slug: string): Promise<Store | null> {
  const hit = bySlug.get(slug);
  if (hit && Date.now() - hit.at < STORE_CACHE_MS) return hit.store;
  const [store] = await db().select().from(stores).where(eq(stores.slug, slug)).limit(1);
  bySlug.set(slug, { store: store ?? null, at: Date.now() });
  if (bySlug.size > 10_000) bySlug.delete(bySlug.keys().next().value!);
  return store ?? null;
}

/** A store by its code (ACME) or its slug (acme), as typed on a login form. */
export async function storeByCode(code: string): Promise<Store | null> {
  const trimmed = code.trim();
  const [store] = await db()
    .select()
    .from(stores)
    .where(sql`upper(${stores.code}) = upper(${trimmed}) or ${stores.slug} = lower(${trimmed})`)
    .limit(1);
  return store ?? null;
}

export function forgetStore(slug: string): void {
  bySlug.delete(slug);
}

/** How long a custom domain's answer is kept: a domain added or verified works within this. */
const DOMAIN_CACHE_MS = 30_000;

const byDomain = processSingleton(
  "orionSlugByDomain",
  () => new Map<string, { slug: string | null; at: number }>(),
);

/** The slug of the store that owns this verified custom domain, or null. */
export async function storeSlugByDomain(hostname: string): Promise<string | null> {
  const hit = byDomain.get(hostname);
  if (hit && Date.now() - hit.at < DOMAIN_CACHE_MS) return hit.slug;
  const [row] = await db()
    .select({ slug: stores.slug })
    .from(storeDomains)
    .innerJoin(stores, eq(stores.id, storeDomains.storeId))
    .where(and(eq(sql`lower(${storeDomains.domain})`, hostname), eq(storeDomains.isVerified, true)))
    .limit(1);
  byDomain.set(hostname, { slug: row?.slug ?? null, at: Date.now() });
  if (byDomain.size > 10_000) byDomain.delete(byDomain.keys().next().value!);
  return row?.slug ?? null;
}

export function forgetDomain(hostname: string): void {
  byDomain.delete(hostname.toLowerCase());
}
