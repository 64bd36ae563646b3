// Store slugs in URLs are lowercase: an upper-case form redirects with 308, so the
// cookie Path always matches; anything that cannot be a slug is not found.
import { ApiError } from "@/lib/http/errors";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Words that name platform routes and so can never be a store's slug. */
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "auth",
  "login",
  "logout",
  "store",
  "storefront",
  "www",
  "static",
  "_next",
  // first segments of the storefront API when the store comes from the host
  "account",
  "products",
  "orders",
  "cart",
  "checkout",
]);

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !RESERVED_SLUGS.has(slug);
}

/**
 * The slug of a store API path. Throws a 308 response to the lowercase URL for an upper-case
 * slug, and 404 for anything that is not a slug.
 */
export function apiSlug(request: Request, raw: string): string {
  const lower = raw.toLowerCase();
  if (!isValidSlug(lower)) throw new ApiError("NOT_FOUND", { message: "No such store" });
  if (lower !== raw) {
    const url = new URL(request.url);
    url.pathname = url.pathname
      .replace(`/${raw}/`, `/${lower}/`)
      .replace(new RegExp(`/${raw}$`), `/${lower}`);
    throw new Response(null, { status: 308, headers: { Location: url.pathname + url.search } });
  }
  return raw;
}
